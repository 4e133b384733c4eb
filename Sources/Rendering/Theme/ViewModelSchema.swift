/// Every name a theme's templates may use, by scope. `passerelle templates lint`
/// checks templates against it, so that a misspelt name is reported instead of
/// rendering as nothing. Mustache looks a name up in the current scope, then in the
/// enclosing ones: a cell may use the row's and the document's names.
///
/// Rendered text (`content`, `caption`, `place`, `attribution`, `text`, `columns`,
/// `tableCell`) is already escaped for the output format: use it with triple braces
/// `{{{content}}}`. Plain values (`plain`, `alt`, `titleText`, `term` ...) are escaped by
/// the template's content type: use double braces.
public enum ViewModelSchema {
    /// What a name holds.
    public indirect enum Node: Sendable {
        /// A string or a number.
        case value
        /// A boolean, for `{{#flag}}...{{/flag}}` and `{{^flag}}...{{/flag}}`.
        case flag
        /// A list of objects whose names are given.
        case list([String: Node])
    }

    /// One language's cell of a row.
    public static let cell: [String: Node] = [
        "column": .value, "lang": .value, "isMissing": .flag, "isOutdated": .flag, "isFallback": .flag, "notice": .value,
        "content": .value, "plain": .value, "text": .value, "tableCell": .value, "underline": .value, "marker": .value,
        "attribution": .value, "hasAttribution": .flag,
        "meta": .value, "authors": .value, "alt": .value, "otherAlt": .value, "caption": .value, "hasCaption": .flag, "credit": .value, "hasCredit": .flag,
        "whenLabel": .value, "when": .value, "placeLabel": .value, "place": .value, "hasPlace": .flag,
        "link": .value, "linkLabel": .value, "hasLink": .flag,
        "deadlineLabel": .value, "deadline": .value, "hasDeadline": .flag,
        "yesLabel": .value, "noLabel": .value,
        "hasHeading": .flag, "signatureLines": .list(["label": .value, "value": .value, "hasValue": .flag]),
    ]

    /// A row: one translatable unit, aligned across languages.
    public static let row: [String: Node] = [
        "id": .value, "kind": .value, "cells": .list(cell),
        "isHeading": .flag, "isParagraph": .flag, "isItem": .flag, "isClause": .flag, "isQuote": .flag,
        "isFigure": .flag, "isDetails": .flag, "isQuestion": .flag, "isSignature": .flag,
        "isLinesAnswer": .flag, "answerLines": .list(["line": .value]), "isBoxAnswer": .flag, "isYesNoAnswer": .flag,
        "headingLevel": .value, "headingMarks": .value, "marker": .value, "hasMarker": .flag, "ordered": .flag,
        "link": .value, "hasLink": .flag, "columns": .value,
        "hasImage": .flag,
        "images": .list(["src": .value, "width": .value, "height": .value, "alt": .value, "lang": .value]),
    ]

    /// The document: the names at the top of every template. The stacked layout adds
    /// `parts`: the whole document in each language (the same names, one language each).
    public static let document: [String: Node] = documentNames.merging([
        "parts": .list(documentNames.merging(["anchor": .value, "name": .value]) { $1 }),
    ]) { $1 }

    private static let documentNames: [String: Node] = [
        "lang": .value, "languages": .list(["code": .value, "name": .value, "isFirst": .flag]),
        "columnCount": .value, "isMultilingual": .flag, "documentID": .value,
        "isCharter": .flag, "isNewsletter": .flag,
        "titleText": .value, "titleCSS": .value, "titleCells": .list(cell), "hasSubtitle": .flag, "subtitleCells": .list(cell),
        "metaCells": .list(["lang": .value, "text": .value]),
        "hasAuthors": .flag, "authors": .value,
        "sections": .list(["id": .value, "level": .value, "rows": .list(row)]),
        "css": .value, "generator": .value,
        "hasNotes": .flag, "notes": .list(["marker": .value, "text": .value]), "notesLabel": .value, "languagesLabel": .value,
        "hasGlossary": .flag,
        "glossary": .list([
            "lang": .value, "label": .value,
            "entries": .list(["term": .value, "conceptID": .value, "equivalents": .value,
                              "hasDefinition": .flag, "definition": .value, "source": .value]),
        ]),
    ]
}
