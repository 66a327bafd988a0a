import AAECore

/// The networks a model builds, in the order their weights are drawn, each with
/// what it reads and what it must output: the encoder and decoder every model has,
/// then its kind's own networks.
///
/// The one account of the networks' input widths: the reader's size checks, the
/// writer, `validate`'s summary, the memory estimate and the builder all use it.
struct NetworkPlan {
    /// The features of an example, which the encoder reads and the decoder outputs.
    let exampleFeatures: Int
    /// The shape of an image example (`28×28×1`), nil for points.
    let imageShape: FeatureShape?
    let latentDimension: Int
    /// How the encoder turns an input into a code.
    let posterior: Posterior
    /// Encoder, decoder, then the kind's networks.
    let networks: [PlannedNetwork]

    /// The plan of `model` for examples of `inputFeatures` values, which are
    /// `pixels` (image datasets) or `features` (synthetic ones); images have
    /// `imageShape`, which the encoder reads when its first layer reads maps and
    /// a decoder that ends in a map must output.
    init(_ model: ModelSpec, inputFeatures: Int, values: String = "pixels", imageShape: FeatureShape? = nil) {
        let latent = model.latentDimension
        let definition = model.definition
        let image = imageShape.flatMap { $0.features == inputFeatures ? $0 : nil }
        exampleFeatures = inputFeatures
        self.imageShape = image
        latentDimension = latent
        posterior = definition.posterior(model.settings)
        let trunkInput = CodeEncoder.trunkInputFeatures(inputFeatures: inputFeatures, posterior: posterior)
        let gaussian = posterior == .gaussian
        let blocks = definition.encoderOutput(model)
        let encoder = PlannedNetwork(
            name: "encoder", spec: model.encoder,
            inputs: [(inputFeatures, values), (trunkInput - inputFeatures, "noise")],
            output: gaussian ? nil : blocks?.features ?? latent,
            ending: blocks?.ending ?? "`dense latent` (latent_dim is \(latent))",
            addsGaussianHeads: gaussian && !model.encoder.outputsGaussianHeads,
            image: trunkInput == inputFeatures ? image : nil)
        let decoder = PlannedNetwork(
            name: "decoder", spec: model.decoder,
            inputs: [(latent, "code"), (model.supervision == .supervised ? NetworkSizes.classCount : 0, "labels")],
            output: inputFeatures, ending: "`dense input` (an example has \(inputFeatures) features)",
            outputImage: image)
        networks = [encoder, decoder] + definition.extraNetworks(model)
    }

    /// The plan of `experiment`'s model for its data.
    init(_ experiment: Experiment) {
        self.init(experiment.model, inputFeatures: experiment.data.inputFeatures,
                  values: experiment.data.synthetic == nil ? "pixels" : "features", imageShape: experiment.data.imageShape)
    }

    var encoder: PlannedNetwork { networks[0] }
    var decoder: PlannedNetwork { networks[1] }
    /// The kind's own networks, after the encoder and decoder.
    var extraNetworks: ArraySlice<PlannedNetwork> { networks.dropFirst(2) }

    /// The number of one-hot label values the decoder reads beside the code.
    var decoderLabelCount: Int { decoder.inputFeatures - decoder.inputs[0].count }
}

/// One network of a `NetworkPlan`.
struct PlannedNetwork {
    /// The network's `model` key, also its name in summaries and checkpoints.
    let name: String
    let spec: NetworkSpec
    /// What the input holds, part by part: `(784, "pixels")`, `(16, "noise")`.
    let inputs: [(count: Int, what: String)]
    /// The features it must output; nil when any number will do (a Gaussian
    /// posterior's trunk, whose heads the model adds).
    let output: Int?
    /// The fix when it outputs another number: "end it with …".
    let ending: String
    /// Whether the model adds the Gaussian posterior's `z_mean` and `z_log_var` heads to it.
    let addsGaussianHeads: Bool
    /// The image the input is, when it is one image alone (the encoder's pixels).
    let image: FeatureShape?
    /// The map the network must output when it ends in a map (the decoder: the image).
    let outputImage: FeatureShape?

    init(name: String, spec: NetworkSpec, inputs: [(count: Int, what: String)], output: Int?, ending: String,
         addsGaussianHeads: Bool = false, image: FeatureShape? = nil, outputImage: FeatureShape? = nil) {
        self.name = name
        self.spec = spec
        self.inputs = inputs.filter { $0.count > 0 }
        self.output = output
        self.ending = ending
        self.addsGaussianHeads = addsGaussianHeads
        self.image = image
        self.outputImage = outputImage
    }

    var inputFeatures: Int { inputs.reduce(0) { $0 + $1.count } }

    /// The shape of the input: the image map when the input is an image and the
    /// network's first layer that cares reads maps (`conv2d`, `flatten`), else a
    /// vector — so a dense network reads an image's pixels as it always has.
    var inputShape: FeatureShape {
        guard let image, spec.readsMapsFirst else { return .vector(inputFeatures) }
        return image
    }

    /// `784 pixels + 16 noise`, `8 code + 10 labels`; `784 pixels as 28×28×1` for a map.
    var inputDescription: String {
        let parts = inputs.map { "\($0.count) \($0.what)" }.joined(separator: " + ")
        return inputShape.isMap ? "\(parts) as \(inputShape)" : parts
    }
}
