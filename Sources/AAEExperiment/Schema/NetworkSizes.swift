import AAECore

/// Checks that the networks' sizes connect: every network of the model's
/// `NetworkPlan` ends in what it must output (the encoder the code size, the
/// decoder the example size, the AAE's discriminator one probability), and a
/// graph's `add` and `multiply` merges join inputs of equal sizes.
enum NetworkSizes {
    /// The number of classes of the datasets (MNIST digits).
    static let classCount = 10

    /// The number of features a layer list outputs for `input` inputs, each
    /// layer's width from its definition.
    static func outputFeatures(of layers: [LayerSpec], input: Int, latent: Int, exampleSize: Int) -> Int {
        layers.reduce(input) { features, layer in
            layer.footprint(inputFeatures: features, latent: latent, exampleSize: exampleSize).outputFeatures
        }
    }

    /// The features of every node of `graph`, and of `input`, for `input`
    /// inputs. `mismatch` hears of each `add` or `multiply` whose inputs differ
    /// in size, with a message naming them; such a node takes its first input's size.
    static func nodeFeatures(of graph: GraphSpec, input: Int, latent: Int, exampleSize: Int,
                             mismatch: (GraphSpec.Node, String) -> Void = { _, _ in }) -> [String: Int] {
        var features = [GraphNetwork.inputName: input]
        for node in graph.nodes {
            let widths = node.inputs.map { features[$0] ?? 0 }
            switch node.body {
            case .layers(let layers):
                features[node.name] = outputFeatures(of: layers, input: widths[0], latent: latent, exampleSize: exampleSize)
            case .merge(.concat):
                features[node.name] = widths.reduce(0) { total, width in
                    let (sum, overflow) = total.addingReportingOverflow(width)
                    return overflow ? Int.max : sum
                }
            case .merge(let merge):
                if Set(widths).count > 1 {
                    let sizes = zip(node.inputs, widths).enumerated().map { index, pair in
                        "\(pair.0) has \(pair.1)\(index == 0 ? " features" : "")"
                    }
                    mismatch(node, "`\(merge.rawValue)` needs inputs of equal sizes: \(sizes.joined(separator: ", "))")
                }
                features[node.name] = widths[0]
            }
        }
        return features
    }

    /// The number of features a network outputs for `input` inputs (a graph's
    /// outputs side by side).
    static func outputFeatures(of network: NetworkSpec, input: Int, latent: Int, exampleSize: Int) -> Int {
        switch network {
        case .layers(let layers):
            return outputFeatures(of: layers, input: input, latent: latent, exampleSize: exampleSize)
        case .graph(let graph):
            let features = nodeFeatures(of: graph, input: input, latent: latent, exampleSize: exampleSize)
            return graph.output.nodeNames.reduce(0) { $0 + (features[$1] ?? 0) }
        }
    }

    /// Checks that every network of `plan` outputs what it must, and that a graph's merges join equal sizes.
    static func check(_ plan: NetworkPlan, at node: ConfigNode) {
        let latent = plan.latentDimension, exampleSize = plan.exampleFeatures
        for planned in plan.networks {
            let name = planned.name
            switch planned.spec {
            case .layers(let layers):
                let produced = outputFeatures(of: layers, input: planned.inputFeatures, latent: latent,
                                              exampleSize: exampleSize)
                guard let output = planned.output, produced != output, let last = layers.last else { continue }
                node.log.diagnosticAt(line: last.line, column: last.column, path: "model.\(name)",
                                      "the \(name) outputs \(produced) features but must output \(output); "
                                      + "end it with \(planned.ending)")
            case .graph(let graph):
                let features = nodeFeatures(of: graph, input: planned.inputFeatures, latent: latent,
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
                    guard let size, let produced = features[nodeName], produced != size,
                          let outputNode = graph.node(nodeName) else { continue }
                    node.log.diagnosticAt(line: outputNode.line, column: outputNode.column, path: outputNode.keyPath,
                                          "\(what) outputs \(produced) features but must output \(size); "
                                          + "end node `\(nodeName)` with \(planned.ending)")
                }
            }
        }
    }
}

extension DiagnosticLog {
    func diagnosticAt(line: Int, column: Int, path: String, _ message: String) {
        appendDiagnostic(ConfigDiagnostic(file: file, line: line, column: column, keyPath: path, message: message))
    }
}
