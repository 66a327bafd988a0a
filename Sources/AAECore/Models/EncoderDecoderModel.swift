/// A model built around an `EncoderDecoder`: its sizes, encoding and decoding
/// are those of its networks, so each model states only how it trains.
public protocol EncoderDecoderModel: TrainableModel {
    var networks: EncoderDecoder { get }
}

extension EncoderDecoderModel {
    public var inputFeatures: Int { networks.encoder.inputFeatures }
    public var latentDimension: Int { networks.encoder.latentDimension }
    public var decoderLabelCount: Int { networks.decoderLabelCount }

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        networks.encode(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        networks.decode(codes, labels: labels, count: count)
    }
}
