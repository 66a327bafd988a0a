/// The state buffers of a model's networks, which a checkpoint saves beside
/// the parameters (see `Layer.stateBuffers`).
extension CodeEncoder {
    /// The trunk's state buffers, then the heads' (dense heads have none).
    public var stateBuffers: [StateBuffer] {
        trunk.stateBuffers + (meanHead?.stateBuffers ?? []) + (logVarianceHead?.stateBuffers ?? [])
    }
}

extension EncoderDecoder {
    /// The state buffers of the encoder, then of the decoder.
    public var stateBuffers: [StateBuffer] { encoder.stateBuffers + decoder.stateBuffers }
}
