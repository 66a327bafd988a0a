import AAECore

/// The footprint of a whole network as an experiment file writes it — a layer list or
/// a graph — summed from its layers' own footprints (`LayerDefinition.footprint`), so
/// that nothing is allocated to know it.
struct NetworkFootprint: Sendable, Equatable {
    var parameters = 0
    var state = 0
    var trainingValuesPerExample = 0
    var inferenceValuesPerExample = 0

    init() {}

    /// The footprint of `spec` reading `inputFeatures` values.
    init(_ spec: NetworkSpec, inputFeatures: Int, latent: Int, exampleSize: Int) {
        switch spec {
        case .layers(let layers):
            addLayers(layers, inputFeatures: inputFeatures, latent: latent, exampleSize: exampleSize)
        case .graph(let graph):
            let widths = NetworkSizes.nodeFeatures(of: graph, input: inputFeatures, latent: latent, exampleSize: exampleSize)
            for node in graph.nodes {
                switch node.body {
                case .layers(let layers):
                    addLayers(layers, inputFeatures: widths[node.inputs[0]] ?? 0, latent: latent, exampleSize: exampleSize)
                case .merge:
                    add(.elementwise(features: widths[node.name] ?? 0))
                }
            }
        }
    }

    /// Adds one layer's footprint.
    mutating func add(_ layer: LayerFootprint) {
        parameters = LayerFootprint.sum(parameters, layer.parameters)
        state = LayerFootprint.sum(state, layer.state)
        trainingValuesPerExample = LayerFootprint.sum(trainingValuesPerExample, layer.trainingValuesPerExample)
        inferenceValuesPerExample = LayerFootprint.sum(inferenceValuesPerExample, layer.inferenceValuesPerExample)
    }

    private mutating func addLayers(_ layers: [LayerSpec], inputFeatures: Int, latent: Int, exampleSize: Int) {
        var features = inputFeatures
        for spec in layers {
            let layer = spec.footprint(inputFeatures: features, latent: latent, exampleSize: exampleSize)
            add(layer)
            features = layer.outputFeatures
        }
    }
}
