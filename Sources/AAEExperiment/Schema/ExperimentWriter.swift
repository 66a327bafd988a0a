import AAECore

/// The fully resolved experiment as YAML: every key with its value, defaults
/// filled in, in the schema's key order, layer lists in flow style with their
/// short forms (`[dense 512, leaky_relu 0.2, dense latent]`), graph networks as
/// a block of one flow-style line per node.
///
/// `aae-run show` prints it and every run saves it as `config.resolved.yaml`,
/// so a result folder says exactly what was trained. Reading the text back
/// gives an equal experiment: numbers are written with as many digits as they
/// need to round-trip, strings are quoted whenever plain text would read as
/// something else, and keys that do not apply to the model's kind are left out
/// (the schema would reject them).
public func resolvedYAML(_ experiment: Experiment) -> String {
    var writer = ExperimentYAMLWriter()
    writer.write(experiment)
    return writer.text
}

/// Builds the text of `resolvedYAML`, one `key: value` line at a time.
private struct ExperimentYAMLWriter {
    private(set) var text = ""

    mutating func write(_ experiment: Experiment) {
        line("name", YAMLScalar.string(experiment.name))
        line("description", YAMLScalar.string(experiment.description))
        line("seed", String(experiment.seed))
        if let output = experiment.output { line("output", YAMLScalar.string(output)) }
        section("data") { $0.writeData(experiment.data) }
        section("model") { $0.writeModel(experiment.model, plan: NetworkPlan(experiment)) }
        section("prior") { $0.writeParameters(kind: experiment.prior.kind, experiment.prior.parameters,
                                              order: PriorRegistry.definition(experiment.prior.kind)?.parameters) }
        section("loss") { $0.writeLoss(experiment.loss) }
        section("optimizer") { $0.writeOptimizer(experiment.optimizer) }
        section("training") { writer in
            if let epochs = experiment.training.epochs {
                writer.line("epochs", String(epochs), indent: 1)
            } else {
                writer.line("steps", String(experiment.training.steps), indent: 1)
            }
            writer.line("batch_size", String(experiment.training.batchSize), indent: 1)
            writer.line("log_every", String(experiment.training.logEvery), indent: 1)
            writer.line("eval_every", String(experiment.training.evalEvery), indent: 1)
            writer.line("checkpoint_every", String(experiment.training.checkpointEvery), indent: 1)
        }
        section("eval") { writer in
            writer.line("knn_k", String(experiment.evaluation.neighbours), indent: 1)
            writer.line("parzen_samples", String(experiment.evaluation.parzenSamples), indent: 1)
            writer.line("importance_samples", String(experiment.evaluation.importanceSamples), indent: 1)
        }
        section("report") { writer in
            writer.line("plots", "[" + experiment.report.plots.joined(separator: ", ") + "]", indent: 1)
            writer.line("eval", String(experiment.report.evaluation), indent: 1)
            writer.writeDrawingOptions(experiment.report)
        }
        if let sweep = experiment.sweep { text += sweep.resolvedYAML }
    }

    private mutating func writeData(_ data: DataSpec) {
        line("dataset", YAMLScalar.string(data.dataset), indent: 1)
        if let synthetic = data.synthetic {
            for name in synthetic.parameters.map(\.name) {
                if let value = data.parameters[name] { line(name, YAMLScalar.number(value), indent: 1) }
            }
        } else {
            line("scale", data.scale == .unit ? "[0, 1]" : "[-1, 1]", indent: 1)
        }
        if let files = data.files {
            for (key, images, labels) in [("train", files.trainImages, files.trainLabels),
                                          ("test", files.testImages, files.testLabels)] {
                line(key, nil, indent: 1)
                line("images", YAMLScalar.string(images), indent: 2)
                line("labels", YAMLScalar.string(labels), indent: 2)
            }
        }
        if let trainSize = data.trainSize { line("train_size", String(trainSize), indent: 1) }
        if let fraction = data.trainFraction { line("train_fraction", YAMLScalar.number(fraction), indent: 1) }
        if let testSize = data.testSize { line("test_size", String(testSize), indent: 1) }
        if let fraction = data.testFraction { line("test_fraction", YAMLScalar.number(fraction), indent: 1) }
        if let labels = data.labels { line("labels", "[" + labels.map(String.init).joined(separator: ", ") + "]", indent: 1) }
    }

    /// The report keys that change how figures are drawn, each only when it is not its
    /// default, so that files which do not use them read back as they always have.
    private mutating func writeDrawingOptions(_ report: ReportSpec) {
        if report.snapshotEvery != 0 { line("snapshot_every", String(report.snapshotEvery), indent: 1) }
        if report.manifold != .default { line("manifold", report.manifold.flowYAML, indent: 1) }
        if report.projection != .pca { line("projection", report.projection.rawValue, indent: 1) }
        if report.tsne != .default { line("tsne", report.tsne.flowYAML, indent: 1) }
    }

    /// The common keys, the kind's own scalar keys and the plan's networks, in `ModelSpec.keys` order.
    private mutating func writeModel(_ model: ModelSpec, plan: NetworkPlan) {
        var values = model.definition.values(model.settings)
        values["kind"] = model.kind
        values["latent_dim"] = String(model.latentDimension)
        values["supervision"] = model.supervision.rawValue
        values["labelled_fraction"] = YAMLScalar.number(model.labelledFraction)
        for planned in plan.networks { values[planned.name] = network(planned.spec) }
        for key in ModelSpec.keys {
            if let value = values[key] { line(key, value, indent: 1) }
        }
    }

    private mutating func writeLoss(_ loss: LossSpec) {
        line("reconstruction", loss.reconstruction.rawValue, indent: 1)
        line("weights", "{reconstruction: \(YAMLScalar.number(loss.reconstructionWeight)), "
                + "adversarial: \(YAMLScalar.number(loss.adversarialWeight))}", indent: 1)
        switch loss.sparsity {
        case .none:
            break
        case .l1(let lambda):
            line("sparsity", "{kind: l1, lambda: \(YAMLScalar.number(lambda))}", indent: 1)
        case .kl(let target, let weight):
            line("sparsity", "{kind: kl, target: \(YAMLScalar.number(target)), weight: \(YAMLScalar.number(weight))}",
                 indent: 1)
        }
    }

    private mutating func writeOptimizer(_ optimizer: OptimizerSpec) {
        writeParameters(kind: optimizer.shared.kind, optimizer.shared.parameters,
                        order: OptimizerRegistry.definition(optimizer.shared.kind)?.parameters)
        line("schedule", optimizer.shared.schedule.flowYAML, indent: 1)
        for phase in TrainingPhase.allCases {
            guard let setting = optimizer.phases[phase] else { continue }
            line(phase.name, nil, indent: 1)
            writeParameters(kind: setting.kind, setting.parameters,
                            order: OptimizerRegistry.definition(setting.kind)?.parameters, indent: 2)
            if setting.schedule != optimizer.shared.schedule { line("schedule", setting.schedule.flowYAML, indent: 2) }
        }
    }

    /// `kind` and its parameters, in the registry's order.
    private mutating func writeParameters(kind: String, _ parameters: [String: Double], order: [Hyperparameter]?,
                                          indent: Int = 1) {
        line("kind", YAMLScalar.string(kind), indent: indent)
        let names = order?.map(\.name) ?? parameters.keys.sorted()
        for name in names {
            if let value = parameters[name] { line(name, YAMLScalar.number(value), indent: indent) }
        }
    }

    private func layers(_ layers: [LayerSpec]) -> String {
        "[" + layers.map(\.shortForm).joined(separator: ", ") + "]"
    }

    /// A layer list in flow style, or a graph as the lines under a `model` key:
    /// `nodes:` with one `name: {inputs: […], layers: […]}` line per node, then `output:`.
    private func network(_ network: NetworkSpec) -> String {
        guard case .graph(let graph) = network else { return layers(network.allLayers) }
        let nodeIndent = String(repeating: "  ", count: 3), keyIndent = String(repeating: "  ", count: 2)
        var text = "\n\(keyIndent)nodes:"
        for node in graph.nodes {
            let inputs = "inputs: [" + node.inputs.joined(separator: ", ") + "]"
            switch node.body {
            case .layers(let specs): text += "\n\(nodeIndent)\(node.name): {\(inputs), layers: \(layers(specs))}"
            case .merge(let merge): text += "\n\(nodeIndent)\(node.name): {merge: \(merge.rawValue), \(inputs)}"
            }
        }
        switch graph.output {
        case .node(let name): text += "\n\(keyIndent)output: \(name)"
        case .gaussianHeads(let mean, let logVariance):
            text += "\n\(keyIndent)output: {z_mean: \(mean), z_log_var: \(logVariance)}"
        }
        return text
    }

    private mutating func section(_ key: String, _ body: (inout ExperimentYAMLWriter) -> Void) {
        line(key, nil)
        body(&self)
    }

    /// `key: value`; a value that starts on the next line (a block) follows the colon directly.
    private mutating func line(_ key: String, _ value: String?, indent: Int = 0) {
        let separator = value?.hasPrefix("\n") == true ? "" : " "
        text += String(repeating: "  ", count: indent) + key + ":" + (value.map { separator + $0 } ?? "") + "\n"
    }
}

/// Scalars written so that the schema reads back exactly the same value.
enum YAMLScalar {
    /// `value` plain when it reads back as the same string, else double-quoted
    /// with escapes.
    static func string(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    /// The shortest decimal that reads back as `value` (`0.001`, `5`, `1e-07`).
    static func number(_ value: Double) -> String {
        value.formatted
    }

    /// A `Float` setting, which the schema reads as a `Double` then rounds: the
    /// float's shortest decimal when that reads back exactly, else the double's.
    static func number(_ value: Float) -> String {
        let short = value == value.rounded() && Swift.abs(value) < 1e7 ? String(Int(value)) : String(value)
        if let reread = Double(short), Float(reread) == value { return short }
        return Double(value).formatted
    }

    /// Plain words a YAML reader takes for "no value".
    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL"]

    /// Whether `value` can be written unquoted after `key: ` and read back as
    /// itself: ASCII letters, digits, spaces and `_ - . / ( ) + ,` only, not
    /// starting with syntax, without edge spaces, and not a null word.
    private static func isPlainSafe(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, !nullWords.contains(value) else { return false }
        func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "_./()+".unicodeScalars.contains(scalar)
        }
        return isWordCharacter(first) && last != " "
            && scalars.allSatisfy { isWordCharacter($0) || $0 == " " || $0 == "-" || $0 == "," }
    }

    /// `value` in double quotes, escaping what YAML requires or could misread.
    private static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let code = scalar.value
                let printable = (0x20...0x7E).contains(code)
                    || (code >= 0xA0 && code != 0x2028 && code != 0x2029 && code != 0xFEFF && code < 0xFFFE)
                    || code >= 0x10000
                let hex = String(code, radix: 16, uppercase: true)
                result += printable ? String(scalar) : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
