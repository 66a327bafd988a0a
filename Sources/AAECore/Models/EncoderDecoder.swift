/// The encoder and decoder every model has, with their inference paths.
///
/// A decoder may read one-hot labels beside the code (the supervised AAE's
/// style/content split); `decoderLabelCount` is then the number of classes.
public final class EncoderDecoder {
    public let encoder: CodeEncoder
    public let decoder: Network
    public let decoderLabelCount: Int
    private lazy var inferenceEncoder = InferenceNetwork(inputFeatures: encoder.inputFeatures) { [unowned self] x in
        let encoded = encoder(x, sampling: false)
        return InferenceNetwork.Built(output: encoded.code, noise: encoded.noise)
    }
    private lazy var inferenceDecoder = InferenceNetwork(inputFeatures: encoder.latentDimension) { [unowned self] z in
        let labels = labelInput(in: z.graph, rows: z.rows)
        return InferenceNetwork.Built(output: decode(z, labels: labels),
                                      labels: labels.map { ($0, decoderLabelCount) })
    }

    public init(encoder: CodeEncoder, decoder: Network, decoderLabelCount: Int = 0) {
        precondition(decoder.inputFeatures == encoder.latentDimension + decoderLabelCount,
                     "the decoder must read the code (and labels)")
        precondition(decoder.outputFeatures == encoder.inputFeatures, "the decoder must output an example")
        self.encoder = encoder
        self.decoder = decoder
        self.decoderLabelCount = decoderLabelCount
    }

    public var parameters: [Parameter] { encoder.parameters + decoder.parameters }

    /// A one-hot label input for the decoder, when it reads labels.
    public func labelInput(in graph: Graph, rows: Int) -> Variable? {
        decoderLabelCount > 0 ? graph.input(shape: [rows, decoderLabelCount]) : nil
    }

    /// The decoder on `code` (and the one-hot `labels` when it reads them).
    public func decode(_ code: Variable, labels: Variable?) -> Variable {
        guard let labels else { return decoder(code) }
        return decoder(Variable.concatenate([code, labels]))
    }

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        inferenceEncoder(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        inferenceDecoder(codes, labels: labels, count: count)
    }
}
