import IsnadIndex
import Testing

/// The stored form of statement records: every field comes back, and
/// damaged bytes read as nothing rather than as a wrong record.
@Suite struct StatementBytesTests {
    static var full: StatementRecord {
        var record = StatementRecord(id: "s-٣", doc: "a0000001", actor: "جون كيربي", stance: .deny, date: "2022-10",
                                     quote: "لم \"نرسل\" أي صواريخ\n", about: ["Iran", "", "drones"],
                                     sentence: "نفى كيربي ذلك.", cue: "نفى")
        record.dateBasis = "relative"
        record.spans = StatementSpans(sentence: 0..<120, cue: 3..<9, actor: nil, quote: 20..<300)
        record.spans?.sentence = [0, 120, -5]
        return record
    }

    static var plain: StatementRecord {
        StatementRecord(id: "s00000001", doc: "a1", actor: "John Kirby", stance: .report, date: "2023", quote: "")
    }

    @Test func recordsComeBackWhole() {
        for record in [Self.full, Self.plain] {
            let bytes = record.storedBytes
            let back = bytes.withUnsafeBytes { StatementRecord(stored: $0) }
            #expect(back == record)
            #expect(bytes.withUnsafeBytes { StatementRecord.storedID($0) } == record.id)
        }
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
            #expect(RecordDate(text) == general(text) || !text.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
                    "\(text)")
        }
        #expect(RecordDate("2024-02-29")?.text == "2024-02-29")
        #expect(RecordDate("2023-02-29") == nil)
        #expect(RecordDate("٢٠٢٤") == nil)
    }
}
