extension ContentDocument {
    /// Every translatable unit, in reading order: title, subtitle, summary and translated
    /// authors, then each section's heading and blocks.
    public var units: [TextUnit] {
        var result = [metadata.title] + [metadata.subtitle, metadata.summary].compactMap { $0 }
        for case let .translated(unit) in metadata.authors { result.append(unit) }
        for section in sections { section.collectUnits(into: &result) }
        return result
    }
}

extension Section {
    func collectUnits(into result: inout [TextUnit]) {
        result.append(heading)
        for block in blocks { block.collectUnits(into: &result) }
        for subsection in subsections { subsection.collectUnits(into: &result) }
    }
}

extension Block {
    /// The units of this block, in reading order.
    public var units: [TextUnit] {
        var result: [TextUnit] = []
        collectUnits(into: &result)
        return result
    }

    func collectUnits(into result: inout [TextUnit]) {
        func add(_ blocks: [Block]) { for block in blocks { block.collectUnits(into: &result) } }
        switch self {
        case let .paragraph(unit): result.append(unit)
        case let .list(list): result += list.items
        case let .article(article): result.append(article.heading); add(article.parts)
        case let .clause(clause): result.append(clause.unit)
        case let .news(item): result.append(item.heading); add(item.blocks)
        case let .event(event): result.append(event.heading); result += [event.place, event.linkLabel].compactMap { $0 }; add(event.blocks)
        case let .call(call): result.append(call.heading); result += [call.linkLabel].compactMap { $0 }; add(call.blocks)
        case let .portrait(portrait):
            result.append(portrait.heading)
            if let figure = portrait.figure { Block.figure(figure).collectUnits(into: &result) }
            add(portrait.blocks)
        case let .figure(figure): result.append(figure.alt); result += [figure.caption, figure.credit].compactMap { $0 }
        case let .quote(quote): result.append(quote.unit); result += [quote.attribution].compactMap { $0 }
        case let .questionnaire(questionnaire): result += questionnaire.questions.map(\.unit)
        case let .signatures(block):
            for signatory in block.signatories { result += [signatory.heading, signatory.organisation, signatory.role].compactMap { $0 } }
        }
    }
}
