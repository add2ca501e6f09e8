import Foundation
import IsnadIndex
import Testing

/// The importer's fast reader of statement lines must agree with
/// `JSONDecoder` on every line it accepts, and accept the common ones.
@Suite struct FastJSONTests {
    func both(_ line: String) -> (fast: StatementRecord?, decoder: StatementRecord?) {
        let bytes = Array(line.utf8)
        let fast = bytes.withUnsafeBytes { StatementRecord(fastJSON: $0) }
        let decoded = try? JSONDecoder().decode(StatementRecord.self, from: Data(bytes))
        return (fast, decoded)
    }

    static let common = [
        #"{"id":"s00000001","doc":"a0000001","actor":"Vladimir Putin","stance":"assert","date":"2022-02-16","quote":"إزاء العقوبات الغربية","about":["sanctions"]}"#,
        #"{ "id" : "s1", "doc": "a1", "actor": "John Kirby", "stance": "deny", "date": "2022-10", "quote": "", "about": [] }"#,
        #"{"id":"s2","doc":"a1","actor":"Kirby","stance":"warn","date":"2023","quote":"say \"no\" \\ now\n\t\u00e9\ud83d\ude00 \/","about":["Iran","drones"],"sentence":null,"cue":"said"}"#,
        #"{"about":["x"],"quote":"q","date":"2023-01-02","stance":"report","actor":"A","doc":"d","id":"s3","date_basis":"explicit","sentence":"S.","spans":{"sentence":[0,10],"cue":[3,7],"actor":null,"quote":[-1,20]}}"#,
        "{\"id\":\"s4\",\"doc\":\"a\",\"actor\":\"B\",\"stance\":\"deny\",\"date\":\"2022\",\"quote\":\"x\",\"about\":[]}\r",
        #"{"id":"s5","doc":"a","actor":"B","stance":"deny","date":"","quote":"x","about":[],"stance_basis":{"rule":"content","signal":"a denial","spans":[3,11]}}"#,
    ]

    @Test func commonLinesTakeTheFastPathAndAgree() {
        for line in Self.common {
            let (fast, decoded) = both(line)
            #expect(fast != nil, "\(line)")
            #expect(fast == decoded, "\(line)")
        }
    }

    /// Lines the fast reader must hand to JSONDecoder (or that are bad):
    /// whatever it returns must be what JSONDecoder returns.
    static let unusual = [
        #"{"id":"s1","id":"s2","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],"extra":1}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"nope","date":"2022","quote":"","about":[]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[1]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":null,"about":[]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"\x","about":[]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"\ud83d","about":[]}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[]} x"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],"spans":{"sentence":[1.5,2],"cue":[0,1]}}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],"spans":{"sentence":[01,2],"cue":[0,1]}}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],"spans":{"cue":[0,1]}}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":""}"#,
        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"","about":[],"stance_basis":{"rule":"cue","spans":[0,1]}}"#,
        "{\"id\":\"s1\",\"doc\":\"a\",\"actor\":\"A\",\"stance\":\"deny\",\"date\":\"2022\",\"quote\":\"tab\tinside\",\"about\":[]}",
        #"["id"]"#, "", "{", #"{"id":"#,
    ]

    /// Strings are scanned eight bytes at a time: quotes, escapes and
    /// control characters at every offset must still be found.
    @Test func stringsWithSpecialBytesAtEveryOffset() {
        let specials = [#"\""#, #"\\"#, #"\n"#, "\t", #"\u0041"#, "é", "ص", "😀"]
        for length in 0..<24 {
            for special in specials {
                for at in 0...length {
                    var quote = String(repeating: "a", count: length)
                    quote.insert(contentsOf: special, at: quote.index(quote.startIndex, offsetBy: at))
                    let line =
                        #"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":""#
                        + quote + #"","about":[]}"#
                    let (fast, decoded) = both(line)
                    #expect(fast == decoded, "\(line)")
                    if special != "\t" { #expect(fast != nil, "\(line)") }
                }
            }
        }
    }

    @Test func unusualLinesAgreeWithJSONDecoder() {
        for line in Self.unusual {
            let (fast, decoded) = both(line)
            if let fast { #expect(fast == decoded, "\(line)") }
        }
        // Bytes that are not UTF-8 inside a string.
        var bytes = Array(Self.common[0].utf8)
        let quote = bytes.firstIndex(of: 0xD8)!
        bytes[quote] = 0xFF
        #expect(bytes.withUnsafeBytes { StatementRecord(fastJSON: $0) } == nil)
        // A truncated four-byte sequence, which repairing would turn into
        // one replacement character of the same length.
        var truncated = Array(#"{"id":"s1","doc":"a","actor":"A","stance":"deny","date":"2022","quote":"ab"#.utf8)
        truncated += [0xF0, 0x9F, 0x98] + Array(#"x","about":[]}"#.utf8)
        #expect(truncated.withUnsafeBytes { StatementRecord(fastJSON: $0) } == nil)
    }

    /// Every truncation of a valid line is refused, never misread.
    @Test func truncatedLinesAreRefused() {
        let bytes = Array(Self.common[3].utf8)
        for cut in 0..<bytes.count {
            let prefix = Array(bytes[..<cut])
            #expect(prefix.withUnsafeBytes { StatementRecord(fastJSON: $0) } == nil, "cut at \(cut)")
        }
    }

    /// Article lines (`articles.jsonl`): what the byte reader returns for
    /// a line must be what `JSONDecoder` reads, and the usual lines, with
    /// escaped paragraph breaks in long texts, must not need JSONDecoder.
    struct ArticleLine: Decodable, Equatable {
        var id: String?, title: String?, source: String?, url: String?, published: String?, lang: String?
        var text: String
    }

    static let articleKeys: [StaticString] = ["id", "title", "source", "url", "published", "lang", "text"]

    func article(_ line: String) -> (fast: ArticleLine?, decoder: ArticleLine?) {
        let bytes = Array(line.utf8)
        func read(_ values: [String?]?) -> ArticleLine? {
            values.flatMap { v -> ArticleLine? in
                guard let text = v[6] else { return nil }
                return ArticleLine(id: v[0], title: v[1], source: v[2], url: v[3], published: v[4], lang: v[5], text: text)
            }
        }
        let fast = read(bytes.withUnsafeBytes { FastJSON.stringMembers(of: $0, keys: Self.articleKeys) })
        // The same line inside a file's String, its strings copied out of it.
        let before = "{\"id\":\"before\"}\n"
        var file = before + line + "\n"
        let base = before.utf8.count
        let whole = file
        let copied = read(
            file.withUTF8 { all in
                FastJSON.stringMembers(
                    of: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[base..<(base + bytes.count)]),
                    keys: Self.articleKeys, source: FastJSON.Source(whole, base: base))
            })
        #expect(copied == fast, "\(line)")
        if let copied, let fast { #expect(Array(copied.text.utf8) == Array(fast.text.utf8), "\(line)") }
        return (fast, try? JSONDecoder().decode(ArticleLine.self, from: Data(bytes)))
    }

    /// Escapes and characters of every width at every place of a text,
    /// read with and without the file's String (``article(_:)`` compares).
    @Test func articleTextsWithSpecialsAtEveryOffset() {
        let specials = [#"\""#, #"\\"#, #"\n"#, #"\u0041"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\ud83d"#, "\u{301}", "é", "ص", "😀", "\t"]
        for length in 0..<12 {
            for special in specials {
                for at in 0...length {
                    var text = String(repeating: "ب", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: at))
                    let line = #"{"id":"a1","title":""# + special + #"","text":""# + text + #""}"#
                    let (fast, decoded) = article(line)
                    #expect(fast == decoded, "\(line)")
                }
            }
        }
    }

    @Test func articleLinesAgreeWithJSONDecoder() {
        let long = String(repeating: "قال المتحدث باسم البيت الأبيض إن ", count: 40)
        let usual = [
            #"{"id":"a0000001","source":"Al Mayadeen","url":"https://example.org/a/1","published":"2022-02-16","lang":"ar","title":"بوتين","text":""#
                + long + #"\n\n"# + long + #"\n"# + long + #""}"#,
            #"{"text": "only text"}"#,
            #"{"id": null, "title": null, "text": "nulls stand for absent fields"}"#,
            #"{"id":"x","text":"\u0041\"\\\/\b\f\n\r\t end"}"#,
        ]
        for line in usual {
            let (fast, decoded) = article(line)
            #expect(fast != nil, "\(line)")
            #expect(fast == decoded, "\(line)")
        }
        #expect(article(usual[0]).fast?.text.filter { $0 == "\n" }.count == 3)
        // Unknown keys, repeats, other types, bad escapes, raw control
        // characters and trailing bytes go to JSONDecoder, which decides.
        let other = [
            #"{"id":"x","text":"t","cites":["a"]}"#, #"{"id":"x","id":"y","text":"t"}"#, #"{"id":1,"text":"t"}"#,
            #"{"id":"x"}"#, #"{"id":"x","text":null}"#, #"{"id":"x","text":"a\qb"}"#, #"{"id":"x","text":"t"} ,"#,
            "{\"id\":\"x\",\"text\":\"tab\tinside\"}", #"["text"]"#, "",
        ]
        for line in other {
            #expect(article(line).fast == nil, "\(line)")
        }
    }
}

/// Article records written straight to bytes must be JSONEncoder's bytes:
/// the store tells an unchanged article by comparing them.
@Suite struct ArticleJSONTests {
    @Test func storedJSONIsTheEncodersBytes() throws {
        let encoder = RecordCoding.encoder()
        var pieces = ["قال المتحدث", "Kirby", " ", "\"", "\\", "/", "«»", "é", "\u{2028}", "\u{7F}", "😀", "\u{FEFF}", ""]
        pieces += (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
        for _ in 0..<2_000 {
            let cites: [String]? = Bool.random(using: &generator) ? (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } : nil
            let record = ArticleRecord(
                key: text(), title: maybe(), source: maybe(), url: maybe(), published: maybe(),
                lang: maybe(), text: text(), cites: cites)
            #expect(record.storedJSON() == (try encoder.encode(record)), "\(record)")
        }
        let plain = ArticleRecord(key: "a1", title: nil, source: nil, url: nil, published: "2024-09-06", lang: "ar", text: "x")
        #expect(String(decoding: plain.storedJSON(), as: UTF8.self) == #"{"id":"a1","lang":"ar","published":"2024-09-06","text":"x"}"#)
    }

    @Test func storedEntityJSONIsTheEncodersBytes() throws {
        let encoder = RecordCoding.encoder()
        var pieces = ["جون كيربي", "Kirby", " ", "\"", "\\", "/", "é", "\u{2028}", "😀", ""]
        pieces += (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
        func names() -> [String] { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } }
        for _ in 0..<2_000 {
            var record = EntityRecord(
                name: text(), kind: maybe(), aliasesAr: names(), aliasesEn: names(),
                country: maybe(), role: maybe())
            record.gender = maybe()
            #expect(record.storedJSON() == (try encoder.encode(record)), "\(record)")
        }
        let plain = EntityRecord(name: "John Kirby", kind: "person")
        #expect(
            String(decoding: plain.storedJSON(), as: UTF8.self)
                == #"{"aliases_ar":[],"aliases_en":[],"kind":"person","name":"John Kirby"}"#)
    }
}
