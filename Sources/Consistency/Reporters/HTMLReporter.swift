import XMLSupport

/// `--format html`: one self-contained page a translator reads in a browser: a summary,
/// rule filters (radio buttons and CSS, no script), and for each finding the source and
/// target side by side with the terms concerned highlighted.
public enum HTMLReporter {
    public static func render(_ report: CheckReport) -> String {
        let rules = CheckRule.allCases.filter { rule in report.findings.contains { $0.rule == rule } }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Passerelle check: \(report.findings.count) finding(s)</title>
        <style>
        body { font: 15px/1.5 "Source Sans 3", "Helvetica Neue", Arial, sans-serif; color: #1f2a30; margin: 0 auto; max-width: 78rem; padding: 1.5rem; }
        h1 { color: #1d6f6a; font-size: 1.5rem; margin: 0 0 .3rem; }
        .summary { color: #5b6b73; margin: 0 0 1rem; }
        .filters { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #d5dfe1; z-index: 1; }
        input[name=rule] { position: absolute; opacity: 0; }
        .filters label { display: inline-block; padding: .15rem .6rem; margin: 0 .3rem .3rem 0; border: 1px solid #1d6f6a; border-radius: 1rem; cursor: pointer; font-size: .85rem; }

        .finding { display: grid; grid-template-columns: 1fr 1fr; gap: .3rem 1.2rem; padding: .7rem 0; border-bottom: 1px solid #e6eced; }
        .finding .head { grid-column: 1 / -1; font-size: .9rem; }
        .finding .rule { font-weight: 700; }
        .error .rule { color: #9b2c1c; }
        .warning .rule { color: #8a5a00; }
        .text { background: #f4f8f7; border-radius: 4px; padding: .4rem .6rem; }
        .text .lang { display: block; font-size: .7rem; text-transform: uppercase; color: #5b6b73; letter-spacing: .06em; }
        mark { background: #ffe08a; padding: 0 .1em; border-radius: 2px; }
        .file { margin-top: 1.5rem; font-size: 1rem; color: #1d6f6a; }
        @media (max-width: 44rem) { .finding { grid-template-columns: 1fr; } }

        """
        // The radio buttons are siblings of the filter bar and of <main>: the CSS reaches both.
        for id in ["all"] + rules.map(\.rawValue) {
            html += "#rule-\(id):checked ~ .filters label[for=rule-\(id)] { background: #1d6f6a; color: #fff; }\n"
        }
        for rule in rules {
            html += "#rule-\(rule.rawValue):checked ~ main .finding:not(.\(rule.rawValue)) { display: none; }\n"
        }
        html += "</style>\n</head>\n<body>\n<h1>Passerelle check</h1>\n"
        html += "<p class=\"summary\">\(escape(report.summary))</p>\n"
        html += "<input type=\"radio\" name=\"rule\" id=\"rule-all\" checked>\n"
        for rule in rules { html += "<input type=\"radio\" name=\"rule\" id=\"rule-\(rule.rawValue)\">\n" }
        html += "<div class=\"filters\">\n<label for=\"rule-all\">all</label>\n"
        for rule in rules {
            let count = report.findings.filter { $0.rule == rule }.count
            html += "<label for=\"rule-\(rule.rawValue)\">\(rule.rawValue) (\(count))</label>\n"
        }
        html += "</div>\n<main>\n"
        var currentFile: String?
        for finding in report.findings {
            if finding.file != currentFile {
                currentFile = finding.file
                html += "<h2 class=\"file\">\(escape(finding.file))</h2>\n"
            }
            html += """
            <div class="finding \(finding.rule.rawValue) \(finding.severity.rawValue)">
            <div class="head"><span class="rule">\(finding.rule.rawValue)</span> · \(escape(finding.location.description)) · unit \(escape(finding.displayUnit)) · \(escape(finding.message))</div>
            <div class="text" lang="\(escape(finding.sourceLanguage))"><span class="lang">\(escape(finding.sourceLanguage))</span>\(highlight(finding.source, finding.sourceTerm, at: finding.sourceTermOffset))</div>
            <div class="text" lang="\(escape(finding.targetLanguage))"><span class="lang">\(escape(finding.targetLanguage))</span>\(highlight(finding.target ?? "", finding.rule == .missingTerm ? nil : finding.targetTerm, at: finding.targetTermOffset))</div>
            </div>

            """
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func escape(_ text: String) -> String {
        var writer = XMLWriter()
        return writer.escape(attribute: text)
    }

    private static func highlight(_ text: String, _ term: String?, at offset: Int?) -> String {
        guard let range = Finding.markedRange(of: term, in: text, at: offset) else { return escape(text) }
        return escape(String(text[..<range.lowerBound])) + "<mark>" + escape(String(text[range])) + "</mark>" + escape(String(text[range.upperBound...]))
    }
}
