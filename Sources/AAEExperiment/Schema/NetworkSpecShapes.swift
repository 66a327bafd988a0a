import AAECore

/// What a network as written says about the shape of the input it expects.
extension NetworkSpec {
    /// Whether the network reads its input as a feature map: its first layer
    /// that is not indifferent to shape (activations, `batch_norm`, `reshape` are)
    /// reads maps; for a graph, that of some node reading `input`.
    var readsMapsFirst: Bool {
        switch self {
        case .layers(let layers):
            return Self.readsMapsFirst(layers)
        case .graph(let graph):
            return graph.nodes.contains { node in
                guard node.inputs == [GraphNetwork.inputName], case .layers(let layers) = node.body else { return false }
                return Self.readsMapsFirst(layers)
            }
        }
    }

    private static func readsMapsFirst(_ layers: [LayerSpec]) -> Bool {
        layers.lazy.map { LayerRegistry.definition($0.kind)?.reads ?? .vector }.first { $0 != .either } == .map
    }
}
