import AAECore

/// The networks of a valid experiment as they are built, layer by layer, with
/// output shapes and parameter counts, as Keras' `model.summary()` prints them.
///
/// `aae-run validate` prints it so that a file can be checked — sizes that
/// connect, the parameter budget — without training. The networks are really
/// built (weight initialisation is cheap), so the counts are the trained model's.
public struct ExperimentSummary: Sendable {
    /// One layer: its short form, the features it outputs and its parameter counts.
    public struct Row: Sendable, Equatable {
        public let layer: String
        public let outputFeatures: Int
        public let trainableParameters: Int
        /// State that is not trained, e.g. batch normalisation's running statistics.
        public let nonTrainableParameters: Int
    }

    /// One network: its input width and its layers.
    public struct Network: Sendable {
        public let name: String
        public let inputFeatures: Int
        /// What the input holds: `784 pixels + 16 noise`, `8 code + 10 labels`.
        public let inputDescription: String
        public let rows: [Row]

        public var trainableParameters: Int { rows.reduce(0) { $0 + $1.trainableParameters } }
        public var nonTrainableParameters: Int { rows.reduce(0) { $0 + $1.nonTrainableParameters } }
    }

    /// Experiments with more weights than this are not built by the summary
    /// (about 2 GB of `Float`s); their parameter count is still given.
    public static let maximumBuiltParameters = 500_000_000

    public let experiment: Experiment
    /// The networks of the model's `NetworkPlan`: encoder, decoder, then its kind's (the AAE's discriminator).
    public let networks: [Network]
    /// The parameter count predicted from the layer sizes, before building.
    public let estimatedParameters: Int

    public init(experiment: Experiment) {
        self.experiment = experiment
        let plan = NetworkPlan(experiment)
        estimatedParameters = ModelFootprint(plan).networks.reduce(0) {
            LayerFootprint.sum($0, LayerFootprint.sum($1.parameters, $1.state))
        }
        guard estimatedParameters <= Self.maximumBuiltParameters else {
            networks = []
            return
        }
        var random = RandomGenerator(seed: experiment.seed, stream: RandomStreams.weights)
        networks = plan.networks.map { Self.build($0, experiment: experiment, random: &random) }
    }

    public var trainableParameters: Int { networks.reduce(0) { $0 + $1.trainableParameters } }
    public var nonTrainableParameters: Int { networks.reduce(0) { $0 + $1.nonTrainableParameters } }

    /// The Keras-style tables of every network, then the experiment's totals.
    public var text: String {
        let model = experiment.model
        let definition = model.definition
        var description = model.kind
        if let note = definition.summaryNote(model.settings) { description += ", \(note)" }
        description += ", latent_dim \(model.latentDimension)"
        if definition.matchesPrior { description += ", \(experiment.prior.kind) prior" }
        if model.supervision != .none { description += ", \(model.supervision.rawValue)" }
        var lines = ["Experiment \"\(experiment.name)\": \(description)"]
        guard !networks.isEmpty else {
            lines.append("The networks are not built: they would have about \(Self.grouped(estimatedParameters)) "
                         + "parameters (\(Self.size(estimatedParameters))), more than "
                         + "\(Self.grouped(Self.maximumBuiltParameters)).")
            return lines.joined(separator: "\n") + "\n"
        }
        for network in networks {
            lines.append("")
            lines += table(network)
        }
        lines.append("")
        let total = trainableParameters + nonTrainableParameters
        let perNetwork = networks.map { "\($0.name) \(Self.grouped($0.trainableParameters + $0.nonTrainableParameters))" }
        lines.append("Total params: \(Self.grouped(total)) (\(Self.size(total))): \(perNetwork.joined(separator: ", "))")
        lines.append("Trainable params: \(Self.grouped(trainableParameters))")
        lines.append("Non-trainable params: \(Self.grouped(nonTrainableParameters))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func table(_ network: Network) -> [String] {
        let inputRow = Row(layer: "input (\(network.inputDescription))", outputFeatures: network.inputFeatures, trainableParameters: 0,
                           nonTrainableParameters: 0)
        let rows = [inputRow] + network.rows
        let layerWidth = max(28, rows.map(\.layer.count).max() ?? 0) + 2
        let shapeWidth = max(20, rows.map { Self.shape($0.outputFeatures).count }.max() ?? 0) + 2
        func cells(_ layer: String, _ shape: String, _ parameters: String) -> String {
            " " + layer.padding(to: layerWidth) + shape.padding(to: shapeWidth) + parameters
        }
        let header = cells("Layer", "Output Shape", "Param #")
        let width = max(header.count, 65)
        var lines = ["Model: \"\(network.name)\"", String(repeating: "_", count: width), header,
                     String(repeating: "=", count: width)]
        for row in rows {
            lines.append(cells(row.layer, Self.shape(row.outputFeatures),
                               Self.grouped(row.trainableParameters + row.nonTrainableParameters)))
        }
        let total = network.trainableParameters + network.nonTrainableParameters
        lines += [String(repeating: "=", count: width),
                  "Total params: \(Self.grouped(total)) (\(Self.size(total)))",
                  "Trainable params: \(Self.grouped(network.trainableParameters))",
                  "Non-trainable params: \(Self.grouped(network.nonTrainableParameters))",
                  String(repeating: "_", count: width)]
        return lines
    }

    private static func build(_ plan: PlannedNetwork, experiment: Experiment, random: inout RandomGenerator) -> Network {
        let latent = experiment.model.latentDimension
        let input = experiment.data.inputFeatures
        let network = ModelBuilder.network(plan.name, plan.spec, inputFeatures: plan.inputFeatures, latent: latent,
                                           exampleSize: input, random: &random)
        var rows = Self.rows(plan.spec, built: network)
        if plan.addsGaussianHeads {
            let encoder = CodeEncoder(trunk: network, posterior: .gaussian, inputFeatures: input,
                                      latentDimension: latent, random: &random)
            for (name, head) in [("z_mean", encoder.meanHead), ("z_log_var", encoder.logVarianceHead)] {
                guard let head else { continue }
                rows.append(Row(layer: "\(name): dense latent", outputFeatures: head.outputFeatures,
                                trainableParameters: head.parameterCount, nonTrainableParameters: head.stateCount))
            }
        }
        return Network(name: plan.name, inputFeatures: plan.inputFeatures, inputDescription: plan.inputDescription,
                       rows: rows)
    }

    /// One row per layer; a graph's rows go node by node (`h1 (input): dense 256`,
    /// `h1: relu`, `merged: concat(h1, h2)`), then name its outputs.
    private static func rows(_ spec: NetworkSpec, built: AAECore.Network) -> [Row] {
        func row(_ label: String, _ layer: Layer) -> Row {
            Row(layer: label, outputFeatures: layer.outputFeatures, trainableParameters: layer.parameterCount,
                nonTrainableParameters: layer.stateCount)
        }
        switch (spec, built) {
        case (.layers(let specs), let chain as Sequential):
            return zip(specs, chain.layers).map { row($0.shortForm, $1) }
        case (.graph(let graph), let network as GraphNetwork):
            var rows: [Row] = []
            for node in network.nodes {
                guard let written = graph.node(node.name) else { preconditionFailure("node \(node.name) has no spec") }
                switch (node.body, written.body) {
                case (.layers(let chain), .layers(let specs)):
                    for (index, (spec, layer)) in zip(specs, chain.layers).enumerated() {
                        rows.append(row(index == 0 ? "\(node.name) (\(node.inputs[0])): \(spec.shortForm)"
                                                   : "\(node.name): \(spec.shortForm)", layer))
                    }
                case (.merge(let merge), _):
                    rows.append(Row(layer: "\(node.name): \(merge.rawValue)(\(node.inputs.joined(separator: ", ")))",
                                    outputFeatures: node.outputFeatures, trainableParameters: 0, nonTrainableParameters: 0))
                case (.layers, .merge):
                    preconditionFailure("node \(node.name) was built from another node's spec")
                }
            }
            let labels = spec.outputsGaussianHeads ? ["output z_mean", "output z_log_var"] : ["output"]
            for (label, name) in zip(labels, network.outputNames) {
                rows.append(Row(layer: "\(label): \(name)", outputFeatures: network.outputFeatures(of: name),
                                trainableParameters: 0, nonTrainableParameters: 0))
            }
            return rows
        default:
            preconditionFailure("the built network does not match its spec")
        }
    }

    /// `(None, 512)`: a batch of any size of 512 features.
    private static func shape(_ features: Int) -> String { "(None, \(features))" }

    /// `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// The memory of `parameters` 32-bit floats: `2.55 MB`.
    private static func size(_ parameters: Int) -> String {
        let bytes = Double(parameters) * 4
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = bytes, unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 100).rounded() / 100
        return unit == 0 ? "\(Int(bytes)) B" : "\(rounded.formatted) \(units[unit])"
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
