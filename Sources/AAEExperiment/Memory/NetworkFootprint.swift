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

    /// The footprint of `spec` reading an input of shape `input`.
    init(_ spec: NetworkSpec, input: FeatureShape, latent: Int, exampleSize: Int) {
        switch spec {
        case .layers(let layers):
            addLayers(layers, input: input, latent: latent, exampleSize: exampleSize)
        case .graph(let graph):
            let shapes = NetworkSizes.nodeShapes(of: graph, input: input, latent: latent, exampleSize: exampleSize)
            for node in graph.nodes {
                switch node.body {
                case .layers(let layers):
                    addLayers(layers, input: shapes[node.inputs[0]] ?? .vector(0), latent: latent,
                              exampleSize: exampleSize)
                case .merge:
                    add(.elementwise(features: shapes[node.name]?.features ?? 0))
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

    private mutating func addLayers(_ layers: [LayerSpec], input: FeatureShape, latent: Int, exampleSize: Int) {
        for layer in NetworkSizes.footprints(of: layers, input: input, latent: latent, exampleSize: exampleSize) {
            add(layer)
        }
    }
}
