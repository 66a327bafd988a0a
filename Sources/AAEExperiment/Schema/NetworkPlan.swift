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
    let latentDimension: Int
    /// How the encoder turns an input into a code.
    let posterior: Posterior
    /// Encoder, decoder, then the kind's networks.
    let networks: [PlannedNetwork]

    /// The plan of `model` for examples of `inputFeatures` values, which are
    /// `pixels` (image datasets) or `features` (synthetic ones).
    init(_ model: ModelSpec, inputFeatures: Int, values: String = "pixels") {
        let latent = model.latentDimension
        let definition = model.definition
        exampleFeatures = inputFeatures
        latentDimension = latent
        posterior = definition.posterior(model.settings)
        let trunkInput = CodeEncoder.trunkInputFeatures(inputFeatures: inputFeatures, posterior: posterior)
        let gaussian = posterior == .gaussian
        let encoder = PlannedNetwork(
            name: "encoder", spec: model.encoder,
            inputs: [(inputFeatures, values), (trunkInput - inputFeatures, "noise")],
            output: gaussian ? nil : latent, ending: "`dense latent` (latent_dim is \(latent))",
            addsGaussianHeads: gaussian && !model.encoder.outputsGaussianHeads)
        let decoder = PlannedNetwork(
            name: "decoder", spec: model.decoder,
            inputs: [(latent, "code"), (model.supervision == .supervised ? NetworkSizes.classCount : 0, "labels")],
            output: inputFeatures, ending: "`dense input` (an example has \(inputFeatures) features)")
        networks = [encoder, decoder] + definition.extraNetworks(model)
    }

    /// The plan of `experiment`'s model for its data.
    init(_ experiment: Experiment) {
        self.init(experiment.model, inputFeatures: experiment.data.inputFeatures,
                  values: experiment.data.synthetic == nil ? "pixels" : "features")
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

    init(name: String, spec: NetworkSpec, inputs: [(count: Int, what: String)], output: Int?, ending: String,
         addsGaussianHeads: Bool = false) {
        self.name = name
        self.spec = spec
        self.inputs = inputs.filter { $0.count > 0 }
        self.output = output
        self.ending = ending
        self.addsGaussianHeads = addsGaussianHeads
    }

    var inputFeatures: Int { inputs.reduce(0) { $0 + $1.count } }

    /// `784 pixels + 16 noise`, `8 code + 10 labels`.
    var inputDescription: String { inputs.map { "\($0.count) \($0.what)" }.joined(separator: " + ") }
}
