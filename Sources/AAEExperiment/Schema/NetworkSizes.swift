/// Checks that the networks' sizes connect: the encoder ends in the code size,
/// the decoder in the example size, the discriminator in one probability.
enum NetworkSizes {
    /// The number of features a layer list outputs for `input` inputs.
    static func outputFeatures(of layers: [LayerSpec], input: Int, latent: Int, exampleSize: Int) -> Int {
        layers.reduce(input) { features, layer in
            guard layer.kind == "dense", case .size(let units)? = layer.arguments["units"] else { return features }
            return units.resolve(latent: latent, input: exampleSize)
        }
    }

    static func check(_ model: ModelSpec, inputFeatures: Int, at node: ConfigNode) {
        let latent = model.latentDimension
        func expect(_ layers: [LayerSpec], _ name: String, input: Int, output: Int, hint: String) {
            let produced = outputFeatures(of: layers, input: input, latent: latent, exampleSize: inputFeatures)
            guard produced != output, let last = layers.last else { return }
            node.log.diagnosticAt(line: last.line, column: last.column, path: "model.\(name)",
                                  "the \(name) outputs \(produced) features but must output \(output); \(hint)")
        }
        expect(model.encoder, "encoder", input: inputFeatures, output: latent,
               hint: "end it with `dense latent` (latent_dim is \(latent))")
        expect(model.decoder, "decoder", input: latent, output: inputFeatures,
               hint: "end it with `dense input` (an example has \(inputFeatures) features)")
        expect(model.discriminator, "discriminator", input: latent, output: 1,
               hint: "end it with `dense 1` and `sigmoid`")
    }
}

extension DiagnosticLog {
    func diagnosticAt(line: Int, column: Int, path: String, _ message: String) {
        appendDiagnostic(ConfigDiagnostic(file: file, line: line, column: column, keyPath: path, message: message))
    }
}
