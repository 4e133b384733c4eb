import Base

/// What `status --format json` prints: per document, the counts by language, the texts
/// with no stamp and the texts to translate again (see ``JSONText`` for the layout).
public struct TranslationReportJSON: Encodable, Sendable {
    struct Counts: Encodable, Sendable {
        let language: String
        let units, current, missing, outdated, untracked: Int
    }

    /// A text that needs work (`state` missing or outdated) or has no stamp.
    struct Issue: Encodable, Sendable {
        let unit, language, file: String
        let line, column: Int
        let state: String?
        /// The hash the translation was stamped with, for an outdated text.
        let recordedHash: String?
        /// The hash of the source now: what to stamp the text with once reviewed.
        let sourceHash: String?
    }

    struct Document: Encodable, Sendable {
        let file, sourceLanguage: String
        let languages: [Counts]
        let untracked, issues: [Issue]
    }

    let documents: [Document]

    public init(_ reports: [TranslationReport]) {
        documents = reports.map { report in
            Document(
                file: report.file, sourceLanguage: report.sourceLanguage,
                languages: report.counts.map {
                    Counts(language: $0.language, units: $0.units, current: $0.current, missing: $0.missing,
                           outdated: $0.outdated, untracked: $0.untracked)
                },
                untracked: report.untracked.map { Self.issue($0, state: nil, recorded: nil, source: $0.currentSourceHash ?? "") },
                issues: report.issues.map { issue in
                    switch issue.state {
                    case .missing: Self.issue(issue, state: "missing", recorded: nil, source: issue.currentSourceHash)
                    case let .outdated(recorded, current):
                        Self.issue(issue, state: "outdated", recorded: recorded, source: issue.currentSourceHash ?? current)
                    case .source, .current, .untracked: Self.issue(issue, state: nil, recorded: nil, source: issue.currentSourceHash)
                    }
                }
            )
        }
    }

    private static func issue(_ issue: TranslationIssue, state: String?, recorded: String?, source: String?) -> Issue {
        Issue(unit: issue.unitID, language: issue.language, file: issue.location.file, line: issue.location.line,
              column: issue.location.column, state: state, recordedHash: recorded, sourceHash: source)
    }
}
