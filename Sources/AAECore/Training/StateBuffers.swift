/// The non-trainable tensors a network updates while it trains (batch
/// normalisation's running mean and variance), which a checkpoint must save
/// beside the parameters for inference after a resume to be unchanged.
extension Sequential {
    /// Every state tensor of the layers, in layer order.
    public var stateBuffers: [Tensor] {
        layers.flatMap { layer -> [Tensor] in
            if let normalization = layer as? BatchNorm { return [normalization.runningMean, normalization.runningVariance] }
            if let nested = layer as? Sequential { return nested.stateBuffers }
            return []
        }
    }
}

extension EncoderDecoder {
    /// The state tensors of the encoder's trunk, then of the decoder.
    public var stateBuffers: [Tensor] { encoder.trunk.stateBuffers + decoder.stateBuffers }
}
