import IsnadVocabulary
import SyntheticCorpus
import Testing

/// The byte-string table every lexicon, batch and writer numbers its words
/// in, against a dictionary and a plain sort.
@Suite struct ByteKeysTests {
    /// Keys of every length around the hash's and the comparison's eight-
    /// byte steps, sharing prefixes and differing in their last byte only.
    static func randomKey(_ random: inout SeededGenerator) -> [UInt8] {
        let length = [0, 1, 2, 7, 8, 9, 12, 15, 16, 17, 24, 40][Int.random(in: 0..<12, using: &random)]
        let alphabet: [UInt8] = [0, 1, 0x61, 0x62, 0xD8, 0xA7, 0xFF]
        return (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
    }

    @Test func numbersFindsAndOrdersAsADictionaryAndASort() {
        var random = SeededGenerator(state: 9)
        for round in 0..<40 {
            var keys = ByteKeys(capacity: [1, 16, 1 << 11][round % 3])
            var oracle: [[UInt8]: Int] = [:]
            var inOrder: [[UInt8]] = []
            for _ in 0..<Int.random(in: 0..<3_000, using: &random) {
                let key = Self.randomKey(&random)
                let (n, isNew) = key.withUnsafeBufferPointer { keys.number($0) }
                if let known = oracle[key] {
                    #expect(n == known && !isNew)
                } else {
                    #expect(n == inOrder.count && isNew)
                    oracle[key] = n
                    inOrder.append(key)
                }
            }
            #expect(keys.count == inOrder.count)
            for (n, key) in inOrder.enumerated() {
                #expect(keys.key(n) == key)
                #expect(key.withUnsafeBufferPointer { keys.find($0) } == n)
            }
            for _ in 0..<200 {
                let key = Self.randomKey(&random)
                #expect(key.withUnsafeBufferPointer { keys.find($0) } == oracle[key])
            }
            let sorted = inOrder.indices.sorted { inOrder[$0].lexicographicallyPrecedes(inOrder[$1]) }
            #expect(keys.ordered() == sorted)
        }
    }

    /// A copy keeps the keys it had when another copy adds one.
    @Test func copiesAreIndependent() {
        var first = ByteKeys(capacity: 1)
        for word in ["قال", "Kirby", ""] { _ = Array(word.utf8).withUnsafeBufferPointer { first.number($0) } }
        var second = first
        let (n, isNew) = Array("نفى".utf8).withUnsafeBufferPointer { second.number($0) }
        #expect(n == 3 && isNew)
        #expect(first.count == 3 && second.count == 4)
        #expect(Array("نفى".utf8).withUnsafeBufferPointer { first.find($0) } == nil)
        #expect(Array("Kirby".utf8).withUnsafeBufferPointer { second.find($0) } == 1)
        _ = Array("denied".utf8).withUnsafeBufferPointer { first.number($0) }
        #expect(first.key(3) == Array("denied".utf8) && second.key(3) == Array("نفى".utf8))
    }
}
