import AAECore

/// The networks of a valid experiment as they are built, layer by layer, with
/// output shapes and parameter counts, as Keras' `model.summary()` prints them
/// (`(None, 784)`, `(None, 14, 14, 32)`), and where a network flattens a map or
/// reshapes a vector into one.
///
/// `aae-run validate` prints it so that a file can be checked — sizes that
/// connect, the parameter budget — without training. The networks are really
/// built (weight initialisation is cheap), so the counts are the trained model's.
public struct ExperimentSummary: Sendable {
    /// One layer: its short form, the shape it outputs and its parameter counts.
    public struct Row: Sendable, Equatable {
        public let layer: String
        public let outputShape: FeatureShape
        public let trainableParameters: Int
        /// State that is not trained, e.g. batch normalisation's running statistics.
        public let nonTrainableParameters: Int

        public var outputFeatures: Int { outputShape.features }
    }

    /// One network: its input width and its layers.
    public struct Network: Sendable {
        public let name: String
        public let inputFeatures: Int
        public let inputShape: FeatureShape
        /// What the input holds: `784 pixels + 16 noise`, `8 code + 10 labels`.
        public let inputDescription: String
        public let rows: [Row]
        /// Where the network reads a map as a vector or a vector as a map.
        public let notes: [String]

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
        let inputRow = Row(layer: "input (\(network.inputDescription))", outputShape: network.inputShape,
                           trainableParameters: 0, nonTrainableParameters: 0)
        let rows = [inputRow] + network.rows
        let layerWidth = max(28, rows.map(\.layer.count).max() ?? 0) + 2
        let shapeWidth = max(20, rows.map { $0.outputShape.kerasShape.count }.max() ?? 0) + 2
        func cells(_ layer: String, _ shape: String, _ parameters: String) -> String {
            " " + layer.padding(to: layerWidth) + shape.padding(to: shapeWidth) + parameters
        }
        let header = cells("Layer", "Output Shape", "Param #")
        let width = max(header.count, 65)
        var lines = ["Model: \"\(network.name)\"", String(repeating: "_", count: width), header,
                     String(repeating: "=", count: width)]
        for row in rows {
            lines.append(cells(row.layer, row.outputShape.kerasShape,
                               Self.grouped(row.trainableParameters + row.nonTrainableParameters)))
        }
        let total = network.trainableParameters + network.nonTrainableParameters
        lines += [String(repeating: "=", count: width),
                  "Total params: \(Self.grouped(total)) (\(Self.size(total)))",
                  "Trainable params: \(Self.grouped(network.trainableParameters))",
                  "Non-trainable params: \(Self.grouped(network.nonTrainableParameters))",
                  String(repeating: "_", count: width)]
        return lines + network.notes.map { "Note: \($0)" }
    }

    private static func build(_ plan: PlannedNetwork, experiment: Experiment, random: inout RandomGenerator) -> Network {
        let latent = experiment.model.latentDimension
        let input = experiment.data.inputFeatures
        let network = ModelBuilder.network(plan.name, plan.spec, inputFeatures: plan.inputFeatures,
                                           inputShape: plan.inputShape, latent: latent, exampleSize: input,
                                           random: &random)
        var rows = Self.rows(plan.spec, built: network)
        if plan.addsGaussianHeads {
            let encoder = CodeEncoder(trunk: network, posterior: .gaussian, inputFeatures: input,
                                      latentDimension: latent, random: &random)
            for (name, head) in [("z_mean", encoder.meanHead), ("z_log_var", encoder.logVarianceHead)] {
                guard let head else { continue }
                rows.append(Row(layer: "\(name): dense latent", outputShape: head.outputShape,
                                trainableParameters: head.parameterCount, nonTrainableParameters: head.stateCount))
            }
        }
        return Network(name: plan.name, inputFeatures: plan.inputFeatures, inputShape: plan.inputShape,
                       inputDescription: plan.inputDescription, rows: rows,
                       notes: notes(plan.spec, built: network, output: plan.outputImage))
    }

    /// Where `built` reads a map as a vector (`flatten`) or a vector as a map
    /// (`reshape`), and that a map it ends in is the example's image.
    private static func notes(_ spec: NetworkSpec, built: AAECore.Network, output image: FeatureShape?) -> [String] {
        var notes: [String] = []
        func visit(_ chain: Sequential, _ specs: [LayerSpec]) {
            var shape = chain.inputShape
            for (spec, layer) in zip(specs, chain.layers) {
                if layer is Flatten, shape.isMap {
                    notes.append("`\(spec.shortForm)` reads the \(shape) map as \(grouped(shape.features)) features "
                                 + "(NHWC: row by row, channels innermost)")
                } else if layer is Reshape, shape != layer.outputShape {
                    notes.append("`\(spec.shortForm)` reads \(shape.isMap ? "the \(shape) map" : "\(grouped(shape.features)) features") "
                                 + "as a \(layer.outputShape) map")
                }
                shape = layer.outputShape
            }
        }
        switch (spec, built) {
        case (.layers(let specs), let chain as Sequential):
            visit(chain, specs)
        case (.graph(let graph), let network as GraphNetwork):
            for node in network.nodes {
                guard case .layers(let chain) = node.body, case .layers(let specs)? = graph.node(node.name)?.body else {
                    continue
                }
                visit(chain, specs)
            }
        default:
            break
        }
        if let image, built.outputShape == image {
            notes.append("the \(image) map it outputs is the image's \(grouped(image.features)) pixels")
        }
        return notes
    }

    /// One row per layer; a graph's rows go node by node (`h1 (input): dense 256`,
    /// `h1: relu`, `merged: concat(h1, h2)`), then name its outputs.
    private static func rows(_ spec: NetworkSpec, built: AAECore.Network) -> [Row] {
        func row(_ label: String, _ layer: Layer) -> Row {
            Row(layer: label, outputShape: layer.outputShape, trainableParameters: layer.parameterCount,
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
                                    outputShape: node.outputShape, trainableParameters: 0, nonTrainableParameters: 0))
                case (.layers, .merge):
                    preconditionFailure("node \(node.name) was built from another node's spec")
                }
            }
            let labels = spec.outputsGaussianHeads ? ["output z_mean", "output z_log_var"] : ["output"]
            for (label, name) in zip(labels, network.outputNames) {
                rows.append(Row(layer: "\(label): \(name)", outputShape: network.outputShape(of: name),
                                trainableParameters: 0, nonTrainableParameters: 0))
            }
            return rows
        default:
            preconditionFailure("the built network does not match its spec")
        }
    }

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
