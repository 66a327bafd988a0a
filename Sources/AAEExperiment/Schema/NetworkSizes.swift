/// Checks that the networks' sizes connect: the encoder ends in the code size,
/// the decoder reads the code (and labels) and ends in the example size, the
/// discriminator ends in one probability.
enum NetworkSizes {
    /// The number of classes of the datasets (MNIST digits).
    static let classCount = 10

    /// The number of features a layer list outputs for `input` inputs.
    static func outputFeatures(of layers: [LayerSpec], input: Int, latent: Int, exampleSize: Int) -> Int {
        layers.reduce(input) { features, layer in
            guard layer.kind == "dense", case .size(let units)? = layer.arguments["units"] else { return features }
            return units.resolve(latent: latent, input: exampleSize, labels: classCount)
        }
    }

    /// The features the decoder reads: the code, plus one-hot labels when supervised.
    static func decoderInputs(_ model: ModelSpec) -> Int {
        model.latentDimension + (model.supervision == .supervised ? classCount : 0)
    }

    /// The features the discriminator reads: the code, plus label slots and a
    /// "no label" slot when label-aware.
    static func discriminatorInputs(_ model: ModelSpec) -> Int {
        model.latentDimension + (model.supervision == .label_aware ? classCount + 1 : 0)
    }

    static func check(_ model: ModelSpec, inputFeatures: Int, at node: ConfigNode) {
        let latent = model.latentDimension
        func expect(_ layers: [LayerSpec], _ name: String, input: Int, output: Int, hint: String) {
            let produced = outputFeatures(of: layers, input: input, latent: latent, exampleSize: inputFeatures)
            guard produced != output, let last = layers.last else { return }
            node.log.diagnosticAt(line: last.line, column: last.column, path: "model.\(name)",
                                  "the \(name) outputs \(produced) features but must output \(output); \(hint)")
        }
        if model.effectivePosterior != .gaussian {
            expect(model.encoder, "encoder", input: inputFeatures, output: latent,
                   hint: "end it with `dense latent` (latent_dim is \(latent))")
        }
        expect(model.decoder, "decoder", input: decoderInputs(model), output: inputFeatures,
               hint: "end it with `dense input` (an example has \(inputFeatures) features)")
        if model.kind == .aae {
            expect(model.discriminator, "discriminator", input: discriminatorInputs(model), output: 1,
                   hint: "end it with `dense 1` and `sigmoid`")
        }
    }
}

extension DiagnosticLog {
    func diagnosticAt(line: Int, column: Int, path: String, _ message: String) {
        appendDiagnostic(ConfigDiagnostic(file: file, line: line, column: column, keyPath: path, message: message))
    }
}
