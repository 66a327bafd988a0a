import Yams

extension Node {
    /// This node laid over `base`, as an extending file is over the file it
    /// extends: two mappings merge key by key (recursively, keeping the base's
    /// key order and appending new keys); anything else — a list, a scalar, a
    /// null — replaces the base value whole.
    ///
    /// The merged mapping keeps this node's position, so that a problem with the
    /// mapping as a whole (a missing key) is reported in the extending file.
    func merged(over base: Node) -> Node {
        guard case .mapping(let overriding) = self, case .mapping(let baseMapping) = base else { return self }
        var pairs = baseMapping.map { (key: $0.key, value: $0.value) }
        for (key, value) in overriding {
            if let name = key.scalar?.string,
               let index = pairs.firstIndex(where: { $0.key.scalar?.string == name }) {
                pairs[index] = (key, value.merged(over: pairs[index].value))
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, overriding.tag, overriding.style,
                                     overriding.mark))
    }
}
