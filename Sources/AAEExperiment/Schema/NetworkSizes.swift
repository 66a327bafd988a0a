import AAECore

/// Checks that the networks' shapes connect: every layer can read what the one
/// before it gives (no `dense` after a map without `flatten`, no kernel larger
/// than its map), every network of the model's `NetworkPlan` ends in what it must
/// output (the encoder the code size, the decoder the example — an image's map
/// or its pixels —, the AAE's discriminator one probability), and a graph's `add`
/// and `multiply` merges join inputs of equal sizes.
enum NetworkSizes {
    /// The number of classes of the datasets (MNIST digits).
    static let classCount = 10

    /// Each layer's footprint in turn, from an input of shape `input`.
    static func footprints(of layers: [LayerSpec], input: FeatureShape, latent: Int,
                           exampleSize: Int) -> [LayerFootprint] {
        var shape = input
        return layers.map { layer in
            let footprint = layer.footprint(input: shape, latent: latent, exampleSize: exampleSize)
            shape = footprint.outputShape
            return footprint
        }
    }

    /// The shape a layer list outputs for an input of shape `input`.
    static func outputShape(of layers: [LayerSpec], input: FeatureShape, latent: Int, exampleSize: Int) -> FeatureShape {
        footprints(of: layers, input: input, latent: latent, exampleSize: exampleSize).last?.outputShape ?? input
    }

    /// The shape of every node of `graph`, and of `input`. `mismatch` hears of
    /// each `add` or `multiply` whose inputs differ in size, with a message
    /// naming them; such a node takes its first input's size.
    static func nodeShapes(of graph: GraphSpec, input: FeatureShape, latent: Int, exampleSize: Int,
                           mismatch: (GraphSpec.Node, String) -> Void = { _, _ in }) -> [String: FeatureShape] {
        var shapes = [GraphNetwork.inputName: input]
        for node in graph.nodes {
            let inputs = node.inputs.map { shapes[$0] ?? .vector(0) }
            switch node.body {
            case .layers(let layers):
                shapes[node.name] = outputShape(of: layers, input: inputs[0], latent: latent, exampleSize: exampleSize)
            case .merge(let merge):
                let widths = inputs.map(\.features)
                if merge != .concat, Set(widths).count > 1 {
                    let sizes = zip(node.inputs, widths).enumerated().map { index, pair in
                        "\(pair.0) has \(pair.1)\(index == 0 ? " features" : "")"
                    }
                    mismatch(node, "`\(merge.rawValue)` needs inputs of equal sizes: \(sizes.joined(separator: ", "))")
                }
                shapes[node.name] = GraphNetwork.mergedShape(merge, inputs)
            }
        }
        return shapes
    }

    /// The shape a network outputs for an input of shape `input` (a graph's
    /// outputs side by side, a vector, when it has several).
    static func outputShape(of network: NetworkSpec, input: FeatureShape, latent: Int, exampleSize: Int) -> FeatureShape {
        switch network {
        case .layers(let layers):
            return outputShape(of: layers, input: input, latent: latent, exampleSize: exampleSize)
        case .graph(let graph):
            let shapes = nodeShapes(of: graph, input: input, latent: latent, exampleSize: exampleSize)
            let outputs = graph.output.nodeNames.map { shapes[$0] ?? .vector(0) }
            return outputs.count == 1 ? outputs[0] : .vector(outputs.reduce(0) { $0 + $1.features })
        }
    }

    /// Checks that every layer of every network of `plan` reads what it is given,
    /// that each network outputs what it must, and that a graph's merges join equal sizes.
    static func check(_ plan: NetworkPlan, at node: ConfigNode) {
        let latent = plan.latentDimension, exampleSize = plan.exampleFeatures
        for planned in plan.networks {
            let name = planned.name
            switch planned.spec {
            case .layers(let layers):
                guard let produced = checkLayers(layers, input: planned.inputShape, in: planned, plan: plan, node: node),
                      let last = layers.last else { continue }
                let before = layers.count > 1
                    ? outputShape(of: Array(layers.dropLast()), input: planned.inputShape, latent: latent,
                                  exampleSize: exampleSize)
                    : planned.inputShape
                guard let problem = outputProblem(produced, of: planned, what: "the \(name)", last: last, before: before,
                                                  fix: "end it with") else { continue }
                node.log.diagnosticAt(line: last.line, column: last.column, path: "model.\(name)", problem)
            case .graph(let graph):
                var shapes = [GraphNetwork.inputName: planned.inputShape]
                for graphNode in graph.nodes {
                    guard case .layers(let layers) = graphNode.body else { continue }
                    let input = nodeShapes(of: graph, input: planned.inputShape, latent: latent,
                                           exampleSize: exampleSize)[graphNode.inputs[0]] ?? .vector(0)
                    shapes[graphNode.name] = checkLayers(layers, input: input, in: planned, plan: plan, node: node)
                }
                let features = nodeShapes(of: graph, input: planned.inputShape, latent: latent,
                                          exampleSize: exampleSize) {
                    merge, message in node.log.diagnosticAt(line: merge.line, column: merge.column, path: merge.keyPath, message)
                }
                let outputs: [(what: String, node: String, size: Int?)]
                switch graph.output {
                case .node(let nodeName): outputs = [("the \(name)", nodeName, planned.output)]
                case .gaussianHeads(let mean, let logVariance):
                    outputs = [("z_mean (node `\(mean)`)", mean, latent), ("z_log_var (node `\(logVariance)`)", logVariance, latent)]
                }
                for (what, nodeName, size) in outputs {
                    guard let size, let produced = features[nodeName], produced.features != size || produced.isMap,
                          let outputNode = graph.node(nodeName) else { continue }
                    let message: String
                    if produced.isMap, let image = planned.outputImage {
                        guard produced != image else { continue }
                        message = "\(what) outputs \(produced.phrase) but must end with \(image)"
                    } else {
                        message = "\(what) outputs \(produced.phrase) but must output \(size)"
                            + (produced.isMap ? " features" : "")
                    }
                    node.log.diagnosticAt(line: outputNode.line, column: outputNode.column, path: outputNode.keyPath,
                                          "\(message); end node `\(nodeName)` with \(produced.isMap ? "`flatten` and " : "")"
                                          + planned.ending)
                }
            }
        }
    }

    /// Reports the first layer of `layers` that cannot read what it is given, at
    /// the layer; the list's output shape when every layer can.
    private static func checkLayers(_ layers: [LayerSpec], input: FeatureShape, in planned: PlannedNetwork,
                                    plan: NetworkPlan, node: ConfigNode) -> FeatureShape? {
        var shape = input
        for layer in layers {
            let footprint = layer.footprint(input: shape, latent: plan.latentDimension, exampleSize: plan.exampleFeatures)
            if let problem = footprint.problem {
                node.log.diagnosticAt(line: layer.line, column: layer.column, path: layer.keyPath,
                                      "`\(layer.shortForm)` in the \(planned.name) \(problem)")
                return nil
            }
            shape = footprint.outputShape
        }
        return shape
    }

    /// Why a layer list's output `produced` is not what `planned` must output, or nil.
    private static func outputProblem(_ produced: FeatureShape, of planned: PlannedNetwork, what: String,
                                      last: LayerSpec, before: FeatureShape, fix: String) -> String? {
        if produced.isMap, let image = planned.outputImage {
            guard produced != image else { return nil }
            return "`\(last.shortForm)` after \(before.phrase) gives \(produced); the \(planned.name) must end with \(image)"
        }
        guard let output = planned.output, produced.features != output || produced.isMap else { return nil }
        if produced.isMap {
            return "\(what) outputs \(produced.phrase) but must output \(output) features; \(fix) `flatten` and "
                + planned.ending
        }
        return "\(what) outputs \(produced.features) features but must output \(output); \(fix) \(planned.ending)"
    }
}

extension DiagnosticLog {
    func diagnosticAt(line: Int, column: Int, path: String, _ message: String) {
        appendDiagnostic(ConfigDiagnostic(file: file, line: line, column: column, keyPath: path, message: message))
    }
}
