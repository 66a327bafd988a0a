import Yams

extension ConfigNode {
    /// The value of `key` when this is a mapping that has it, without any
    /// diagnostic: for checks that span sections, which point at a value that
    /// its own section has already read and checked.
    func lookup(_ key: String) -> ConfigNode? {
        guard case .mapping(let mapping) = node,
              let value = mapping.first(where: { $0.key.scalar?.string == key })?.value else { return nil }
        let found = child(key, value)
        return found.isNull ? nil : found
    }
}
