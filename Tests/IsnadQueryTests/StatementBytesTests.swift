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
