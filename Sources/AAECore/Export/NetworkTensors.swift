/// The exported names of every tensor of a network, an encoder, a pair of
/// networks and a model (see `NamedTensor` for the naming scheme).
extension Sequential {
    /// The tensors of the layers, under this chain's name: `encoder.dense_1.weight`.
    public var namedTensors: [NamedTensor] { namedTensors(under: name) }

    /// The tensors of the layers under `prefix`, each layer named by its kind
    /// and its rank among the chain's layers of that kind.
    func namedTensors(under prefix: String) -> [NamedTensor] {
        var counts: [String: Int] = [:]
        func next(_ kind: String) -> String {
            counts[kind, default: 0] += 1
            return "\(prefix).\(kind)_\(counts[kind]!)"
        }
        return layers.flatMap { layer -> [NamedTensor] in
            if let nested = layer as? Sequential { return nested.namedTensors(under: next("sequential")) }
            guard let exported = layer as? ExportedLayer else {
                precondition(layer.parameters.isEmpty && layer.stateBuffers.isEmpty,
                             "\(type(of: layer)) has parameters or state but is not an ExportedLayer")
                return []
            }
            let path = next(type(of: exported).exportKind)
            return exported.exportedTensors.map { NamedTensor(name: "\(path).\($0.name)", $0.tensor) }
        }
    }
}

extension GraphNetwork {
    /// The tensors of every node's layers, in node order, under the network's
    /// and the node's names: `encoder.h1.dense_1.weight`.
    public var namedTensors: [NamedTensor] {
        nodes.flatMap { node -> [NamedTensor] in
            guard case .layers(let chain) = node.body else { return [] }
            return chain.namedTensors
        }
    }
}

extension CodeEncoder {
    /// The trunk's tensors, then a Gaussian posterior's added heads
    /// `encoder.z_mean` and `encoder.z_log_var` (dense layers).
    public var namedTensors: [NamedTensor] {
        let heads = [("encoder.z_mean", meanHead), ("encoder.z_log_var", logVarianceHead)]
        return trunk.namedTensors + heads.flatMap { path, head -> [NamedTensor] in
            (head?.exportedTensors ?? []).map { NamedTensor(name: "\(path).\($0.name)", $0.tensor) }
        }
    }
}

extension EncoderDecoder {
    /// The encoder's tensors, then the decoder's.
    public var namedTensors: [NamedTensor] { encoder.namedTensors + decoder.namedTensors }
}

extension EncoderDecoderModel {
    public var namedTensors: [NamedTensor] { networks.namedTensors }
}

extension AdversarialAutoencoder {
    /// The encoder's and decoder's tensors, then the discriminator's.
    public var namedTensors: [NamedTensor] { networks.namedTensors + discriminator.namedTensors }
}
