import IsnadIndex
import IsnadVocabulary
import SyntheticCorpus
import Testing

/// The stored form of statement records: every field comes back, and
/// damaged bytes read as nothing rather than as a wrong record.
@Suite struct StatementBytesTests {
    static var full: StatementRecord {
        var record = StatementRecord(
            id: "s-٣", doc: "a0000001", actor: "جون كيربي", stance: .deny, date: "2022-10",
            quote: "لم \"نرسل\" أي صواريخ\n", about: ["Iran", "", "drones"],
            sentence: "نفى كيربي ذلك.", cue: "نفى")
        record.dateBasis = "relative"
        record.spans = StatementSpans(sentence: 0..<120, cue: 3..<9, actor: nil, quote: 20..<300)
        record.spans?.sentence = [0, 120, -5]
        record.stanceBasis = StanceBasisRecord(rule: "content", signal: "a denial", spans: [40, 52, -1, 3])
        return record
    }

    static var plain: StatementRecord {
        StatementRecord(id: "s00000001", doc: "a1", actor: "John Kirby", stance: .report, date: "2023", quote: "")
    }

    /// What decided a stance comes back too, and the words it names are
    /// cut from the sentence by their article offsets.
    @Test func theStanceBasisComesBack() throws {
        var record = Self.plain
        record.sentence = "Kirby said it was baseless."
        record.spans = StatementSpans(sentence: 100..<127, cue: 106..<110, actor: nil, quote: nil)
        record.stanceBasis = StanceBasisRecord(rule: "content", signal: "a denial", spans: [118, 126])
        let back = try #require(record.storedBytes.withUnsafeBytes { StatementRecord(stored: $0) })
        #expect(back.stanceBasis == record.stanceBasis)
        #expect(back.stanceBasis?.words(in: back.sentence ?? "", from: 100) == ["baseless"])
        // Spans outside the sentence name no words.
        #expect(StanceBasisRecord(rule: "media", signal: "", spans: [0, 5]).words(in: "Kirby said.", from: 100) == [])
    }

    @Test func recordsComeBackWhole() {
        for record in [Self.full, Self.plain] {
            let bytes = record.storedBytes
            let back = bytes.withUnsafeBytes { StatementRecord(stored: $0) }
            #expect(back == record)
            #expect(bytes.withUnsafeBytes { StatementRecord.storedID($0) } == record.id)
        }
    }

    /// Names stored by number come back as numbers, in their places, for
    /// the store to name; the rest of the record as it was.
    @Test func namesByNumberComeBackAsNumbers() throws {
        var record = Self.full
        record.about = ["Iran", "", "drones", "Iran"]
        let bytes = record.storedBytes(record.storedParts, article: 70_000, actor: nil, about: [3, nil, 300, 3])
        let decoded = try #require(bytes.withUnsafeBytes { StatementRecord.decode(stored: $0) })
        #expect(decoded.numbers.article == 70_000)
        #expect(decoded.numbers.actor == nil)
        #expect(decoded.numbers.about.map(\.index) == [0, 2, 3])
        #expect(decoded.numbers.about.map(\.entity) == [3, 300, 3])
        #expect(decoded.record.actor == record.actor)
        #expect(decoded.record.about == ["", "", "", ""])
        var named = decoded.record
        let entities: [UInt32: String] = [3: "Iran", 300: "drones"]
        #expect(decoded.numbers.name(&named, article: { $0 == 70_000 ? "a0000001" : nil }, entity: { entities[$0] }))
        #expect(named == record)
        // A number that names nothing is a damaged record.
        #expect(!decoded.numbers.name(&named, article: { _ in nil }, entity: { entities[$0] }))
        // By number, the names take a few bytes.
        #expect(bytes.count + 20 < record.storedBytes.count)
        #expect(bytes.withUnsafeBytes { StatementRecord(stored: $0) } == nil)
    }

    /// Dates in their canonical text are stored as a day and a precision;
    /// any other date as its text. Both come back as they were.
    @Test func datesComeBackAsWritten() {
        var short = 0
        for date in [
            "2022-10-05", "2022-10", "2022", "0001-01-01", "9999-12-31", "1969-12-31", "2024-02-29",
            "2023-02-29", "2022-1", "٢٠٢٢", "", "soon", "2022-10-05T10:00",
        ] {
            var record = Self.plain
            record.date = date
            let bytes = record.storedBytes
            #expect(bytes.withUnsafeBytes { StatementRecord(stored: $0) }?.date == date, "\(date)")
            // After the layout, stance, flags and id: 0 when the date is text.
            if bytes[3 + 1 + record.id.utf8.count] != 0 { short += 1 }
        }
        #expect(short == 7)
    }

    /// Quotes and sentences are stored one byte a character for ASCII and
    /// U+0600–U+067E, escaped otherwise: every script comes back as it was.
    @Test func textsOfEveryScriptComeBack() {
        let pool: [String] = [
            "a", " ", "\n", "\u{0}", "\u{7F}", "\u{600}", "\u{627}", "\u{64E}", "\u{660}",
            "\u{67E}", "\u{67F}", "\u{680}", "\u{6A9}", "\u{6CC}", "\u{6F0}", "é", "e\u{301}",
            "中", "😀", "\u{200F}", "\u{FEFF}", "\u{10FFFF}", "\u{FB50}", "\u{FE8D}",
        ]
        var random = SeededGenerator(state: 31)
        for _ in 0..<300 {
            var quote = ""
            var sentence = ""
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                quote += pool[Int.random(in: 0..<pool.count, using: &random)]
                sentence += pool[Int.random(in: 0..<pool.count, using: &random)]
            }
            var record = Self.plain
            record.quote = quote
            record.sentence = sentence
            let back = record.storedBytes.withUnsafeBytes { StatementRecord(stored: $0) }
            #expect(back?.quote.unicodeScalars.elementsEqual(quote.unicodeScalars) == true)
            #expect(back?.sentence?.unicodeScalars.elementsEqual(sentence.unicodeScalars) == true)
        }
        // An Arabic quote takes a byte a letter, not UTF-8's two.
        var record = Self.plain
        record.quote = String(repeating: "صواريخ ", count: 20)
        let plainSize = Self.plain.storedBytes.count
        #expect(record.storedBytes.count - plainSize <= 20 * 7 + 2)
    }

    /// Records of format 4 stores (layout 2: names in UTF-8, texts compact)
    /// still read.
    @Test func layoutTwoRecordsStillRead() {
        func text(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }
        let quote = Array("صواريخ".unicodeScalars.map { UInt8($0.value - 0x600 + 0x80) })
        let bytes: [UInt8] =
            [2, 1, 2] + text("s1") + text("a1") + text("Kirby") + text("2023-10")
            + [UInt8(quote.count)] + quote + [2] + text("Iran") + text("drones") + text("نفى")
        let record = bytes.withUnsafeBytes { StatementRecord(stored: $0) }
        #expect(
            record
                == StatementRecord(
                    id: "s1", doc: "a1", actor: "Kirby", stance: Stance.allCases[1], date: "2023-10",
                    quote: "صواريخ", about: ["Iran", "drones"], cue: "نفى"))
    }

    /// Records of format 3 stores (layout 1, texts in UTF-8) still read.
    @Test func layoutOneRecordsStillRead() {
        func text(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }
        let bytes: [UInt8] =
            [1, 0, 1] + text("s1") + text("a1") + text("Kirby") + text("2023") + text("لم نرسل")
            + [1] + text("Iran") + text("نفى كيربي ذلك")
        let record = bytes.withUnsafeBytes { StatementRecord(stored: $0) }
        #expect(record?.quote == "لم نرسل")
        #expect(record?.sentence == "نفى كيربي ذلك")
        #expect(record?.about == ["Iran"])
        #expect(record?.stance == Stance.allCases[0])
        #expect(bytes.withUnsafeBytes { StatementRecord.storedID($0) } == "s1")
    }

    @Test func theEncodingIsRepeatableSoUnchangedRecordsCompareEqual() {
        #expect(Self.full.storedBytes == Self.full.storedBytes)
        var other = Self.full
        other.about = ["Iran", "drones", ""]
        #expect(other.storedBytes != Self.full.storedBytes)
    }

    @Test func damagedBytesReadAsNothing() {
        let bytes = Self.full.storedBytes
        for cut in 0..<bytes.count {
            let prefix = Array(bytes[..<cut])
            #expect(prefix.withUnsafeBytes { StatementRecord(stored: $0) } == nil, "cut at \(cut)")
        }
        #expect((bytes + [0]).withUnsafeBytes { StatementRecord(stored: $0) } == nil)
        var wrongLayout = bytes
        wrongLayout[0] = 9
        #expect(wrongLayout.withUnsafeBytes { StatementRecord(stored: $0) } == nil)
        var wrongStance = bytes
        wrongStance[1] = 200
        #expect(wrongStance.withUnsafeBytes { StatementRecord(stored: $0) } == nil)
        // A length running past the end.
        var long = bytes
        long[3] = 0x7F
        #expect(long.withUnsafeBytes { StatementRecord(stored: $0) } == nil)
    }
}

/// Record dates read byte by byte must agree with the general date parser
/// on every year, month and day, valid or not.
@Suite struct RecordDateTests {
    func general(_ text: String) -> RecordDate? {
        guard case .success(let date) = PartialDate.parse(text) else { return nil }
        return RecordDate(first: date.first, precision: date.precision)
    }

    @Test func canonicalDatesAgreeWithTheParser() {
        var texts: [String] = []
        for year in ["0000", "0001", "1900", "2000", "2023", "2024", "9999", "20a4", "٢٠٢٤"] {
            texts.append(year)
            for month in 0...13 {
                let m = String(format2: month)
                texts.append("\(year)-\(m)")
                for day in 0...32 { texts.append("\(year)-\(m)-\(String(format2: day))") }
            }
        }
        texts += ["2024-1", "2024-1-5", "2024/10/05", "2024-10-5", "20241005", "2024-10-05 ", "", "-2024", "2024-xx"]
        for text in texts {
            #expect(
                RecordDate(text) == general(text) || !text.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
                "\(text)")
        }
        #expect(RecordDate("2024-02-29")?.text == "2024-02-29")
        #expect(RecordDate("2023-02-29") == nil)
        #expect(RecordDate("٢٠٢٤") == nil)
    }
}
