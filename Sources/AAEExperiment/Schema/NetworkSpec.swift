/// A network as an experiment file writes it, wherever a network goes
/// (encoder, decoder, discriminator): a list of layers applied in turn, or a
/// graph of named nodes with branches and merges (`{nodes: …, output: …}`).
///
/// A list is the common case and stays the short form; a graph is for what a
/// chain cannot say, such as two towers concatenated or a VAE encoder whose
/// `z_mean` and `z_log_var` heads the user writes out.
public enum NetworkSpec: Sendable, Equatable {
    case layers([LayerSpec])
    case graph(GraphSpec)

    /// Every layer, a graph's node after node.
    public var allLayers: [LayerSpec] {
        switch self {
        case .layers(let layers):
            return layers
        case .graph(let graph):
            return graph.nodes.flatMap { node -> [LayerSpec] in
                guard case .layers(let layers) = node.body else { return [] }
                return layers
            }
        }
    }

    /// Whether the network itself outputs a Gaussian posterior's two heads,
    /// so that the model adds none.
    public var outputsGaussianHeads: Bool {
        guard case .graph(let graph) = self, case .gaussianHeads = graph.output else { return false }
        return true
    }

    /// Reads a layer list, or a graph (a mapping with `nodes` and `output`).
    /// `allowsGaussianHeads` lets a graph output `{z_mean: …, z_log_var: …}`.
    static func read(_ node: ConfigNode, allowsGaussianHeads: Bool) -> NetworkSpec? {
        switch node.node {
        case .mapping:
            return GraphSpec.read(node, allowsGaussianHeads: allowsGaussianHeads).map(NetworkSpec.graph)
        case .sequence:
            return readLayers(node).map(NetworkSpec.layers)
        default:
            node.error("expected a list of layers or a graph `{nodes: …, output: …}`, found \(node.found)")
            return nil
        }
    }

    /// Reads a non-empty list of layers.
    static func readLayers(_ node: ConfigNode) -> [LayerSpec]? {
        guard let elements = node.list() else { return nil }
        guard !elements.isEmpty else {
            node.error("expected a non-empty list of layers")
            return nil
        }
        let layers = elements.map(LayerSpec.read)
        guard layers.allSatisfy({ $0 != nil }) else { return nil }
        return layers.compactMap { $0 }
    }
}
