import IsnadIndex
import IsnadText

/// A person, organisation, country, outlet, place, weapon or topic, with
/// the names it goes by in Arabic and Latin script.
///
/// Queries find an entity by any of its names: `actor:كيربي` and
/// `actor:Kirby` both mean John Kirby once his entity lists both.
public struct Entity: Sendable, Hashable, Identifiable {
    /// The canonical name, unique in a store.
    public var name: String
    /// `person`, `org`, `country`, `media`, `place`, `weapon`, `topic`, … (an open set).
    public var kind: String?
    /// Other names in Arabic script (`جون كيربي`, `كيربي`).
    public var arabicAliases: [String]
    /// Other names in Latin script (`Kirby`).
    public var latinAliases: [String]
    /// The country it belongs to, by its canonical name.
    public var country: String?
    /// A role in words (`White House national security spokesman`).
    public var role: String?
    /// `female` or `male` for persons, when known: Arabic verbs agree with
    /// their speaker, so extraction resolves pronouns by it.
    public var gender: String?

    /// The canonical name.
    public var id: String { name }

    /// An entity; only the canonical name is required.
    public init(
        name: String, kind: String? = nil, arabicAliases: [String] = [], latinAliases: [String] = [],
        country: String? = nil, role: String? = nil, gender: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.arabicAliases = arabicAliases
        self.latinAliases = latinAliases
        self.country = country
        self.role = role
        self.gender = gender
    }

    init(record: EntityRecord) {
        self.init(
            name: record.name, kind: record.kind, arabicAliases: record.aliasesAr, latinAliases: record.aliasesEn,
            country: record.country, role: record.role, gender: record.gender)
    }

    var record: EntityRecord {
        var record = EntityRecord(
            name: name, kind: kind, aliasesAr: arabicAliases, aliasesEn: latinAliases,
            country: country, role: role)
        record.gender = gender
        return record
    }
}

extension Store {
    /// The entity a name means, in either script: its canonical name, an
    /// alias, or (failing those) a name that sounds the same across
    /// scripts (`كيربي` → John Kirby). `nil` when no entity has it.
    public func entity(named name: String) throws -> Entity? {
        try index.snapshot { txn -> Entity? in
            var id = try index.entityID(named: name, txn: txn)
            if id == nil {
                let key = NameKey(name).description
                if !key.isEmpty { id = try index.entities(alias: .key, key, txn: txn).first }
            }
            return try id.flatMap { try index.entity($0, txn: txn) }.map(Entity.init(record:))
        }
    }

    /// The entities with a name or alias that starts with `prefix` in either
    /// script (case, harakat and letter variants folded), by name; all
    /// entities when `prefix` is empty.
    public func entities(prefix: String = "") throws -> [Entity] {
        let names = Analyzer(stemming: false)
        let folded = names.aliasForm(prefix)
        var out: [Entity] = []
        try index.snapshot { txn in
            try index.forEach(EntityRecord.self, txn: txn) { _, record in
                if folded.isEmpty || record.allNames.contains(where: { names.aliasForm($0).hasPrefix(folded) }) {
                    out.append(Entity(record: record))
                }
            }
        }
        return out.sorted { $0.name < $1.name }
    }

    /// Adds `entities`, or replaces the stored ones of the same names, and
    /// rebuilds their aliases: queries see the new names at once. Statements
    /// already stored keep pointing at the entity of their actor's name.
    ///
    /// ```swift
    /// try store.save([Entity(name: "Ali Bagheri Kani", kind: "person",
    ///                        arabicAliases: ["علي باقري كني"], country: "Iran")])
    /// ```
    ///
    /// - Throws: ``StoreError`` (`readOnly` on a read-only store).
    public func save(_ entities: [Entity]) throws {
        try index.apply(ImportBatch(entities: entities.map(\.record)))
    }
}
