import Linguistics
import Testing

@Suite("Collator: French and German")
struct CollatorTests {
    @Test("de sorts Ä with A; de-u-co-phonebk sorts Ä as AE")
    func germanPhonebook() throws {
        let words = ["Arg", "Ärger", "Aerger", "Azur"]
        #expect(try Collator(locale: "de").sorted(words) == ["Aerger", "Arg", "Ärger", "Azur"])
        #expect(try Collator(locale: "de-u-co-phonebk").sorted(words) == ["Aerger", "Ärger", "Arg", "Azur"])
        #expect(try Collator(locale: "de@collation=phonebook").sorted(words) == ["Aerger", "Ärger", "Arg", "Azur"])
    }

    @Test("French accents: cote < coté < côte < côté; fr-CA reads accents backwards")
    func frenchAccents() throws {
        let words = ["côté", "cote", "côte", "coté"]
        #expect(try Collator(locale: "fr").sorted(words) == ["cote", "coté", "côte", "côté"])
        #expect(try Collator(locale: "fr-CA").sorted(words) == ["cote", "côte", "coté", "côté"])
    }

    @Test("primary strength ignores accents and case")
    func primaryEquality() throws {
        let primary = try Collator(locale: "fr", strength: .primary)
        #expect(primary.areEqual("Économie", "economie"))
        #expect(primary.sortKey("Économie") == primary.sortKey("economie"))
        let secondary = try Collator(locale: "fr", strength: .secondary)
        #expect(!secondary.areEqual("Économie", "economie"))
        #expect(secondary.areEqual("Économie", "économie"))
    }

    @Test("Straße and Strasse: equal at primary, different from secondary on")
    func sharpS() throws {
        #expect(try Collator(locale: "de", strength: .primary).areEqual("Straße", "Strasse"))
        #expect(try !Collator(locale: "de", strength: .secondary).areEqual("Straße", "Strasse"))
        #expect(try !Collator(locale: "de", strength: .tertiary).areEqual("Straße", "Strasse"))
    }

    @Test("numeric ordering and upper case first")
    func options() throws {
        let numeric = try Collator(locale: "en", options: .init(numeric: true))
        #expect(numeric.sorted(["item 10", "item 9", "item 100"]) == ["item 9", "item 10", "item 100"])
        let upperFirst = try Collator(locale: "en", options: .init(caseFirst: .upper))
        #expect(upperFirst.sorted(["a", "A"]) == ["A", "a"])
        let shifted = try Collator(locale: "en", strength: .tertiary, options: .init(alternateShifted: true))
        #expect(shifted.areEqual("e-mail", "email"))
    }

    @Test("unknown locales are errors; fr, de, en (root rules) are not")
    func locales() throws {
        for tag in ["fr", "de", "en", "fr-CA", "de-AT", "lb", "nl-BE", "de-u-co-phonebk"] {
            #expect(throws: Never.self, "\(tag)") { try Collator(locale: tag) }
        }
        #expect(try Collator(locale: "fr").actualLocale == "root")
        for tag in ["xx", "zz-ZZ", "not a locale", "", "fr-u-co-pinyin"] {
            #expect(throws: LinguisticsError.self, "\(tag)") { try Collator(locale: tag) }
        }
    }

    @Test("sort keys order like compare")
    func sortKeys() throws {
        let collator = try Collator(locale: "de")
        let words = ["Zucker", "Äpfel", "apfel", "Apfel", "Öko", "Oko", "Straße", "strasse"]
        let byKey = words.sorted { collator.sortKey($0) < collator.sortKey($1) }
        let byCompare = words.sorted { collator.compare($0, $1) == .less }
        #expect(byKey == byCompare)
    }

    @Test("one collator shared by parallel tasks")
    func sharedAcrossTasks() async throws {
        let collator = try Collator(locale: "fr", strength: .primary)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<2_000).allSatisfy { _ in collator.areEqual("Économie sociale", "economie SOCIALE") } }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
