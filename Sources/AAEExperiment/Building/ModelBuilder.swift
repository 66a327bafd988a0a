import AAECore

/// Turns a validated experiment into a model ready to train, with weights drawn
/// from the experiment's seed.
public enum ModelBuilder {
    /// Builds a network, a layer list or a graph, for `inputFeatures` inputs, read
    /// as `inputShape` (a vector of them when nil).
    public static func network(_ name: String, _ spec: NetworkSpec, inputFeatures: Int, inputShape: FeatureShape? = nil,
                               latent: Int, exampleSize: Int, random: inout RandomGenerator) -> Network {
        switch spec {
        case .layers(let layers):
            return network(name, layers, inputFeatures: inputFeatures, inputShape: inputShape, latent: latent,
                           exampleSize: exampleSize, random: &random)
        case .graph(let graph):
            return graphNetwork(name, graph, inputFeatures: inputFeatures, inputShape: inputShape, latent: latent,
                                exampleSize: exampleSize, random: &random)
        }
    }

    /// Builds a network from its layer list for `inputFeatures` inputs read as `inputShape`.
    public static func network(_ name: String, _ layers: [LayerSpec], inputFeatures: Int,
                               inputShape: FeatureShape? = nil, latent: Int, exampleSize: Int,
                               random: inout RandomGenerator) -> Sequential {
        let shape = inputShape ?? .vector(inputFeatures)
        return Sequential(name: name, inputFeatures: inputFeatures, inputShape: shape,
                          layers: self.layers(layers, input: shape, latent: latent, exampleSize: exampleSize,
                                              random: &random))
    }

    /// Builds a graph network, its nodes' weights drawn in the order the nodes are written.
    public static func graphNetwork(_ name: String, _ graph: GraphSpec, inputFeatures: Int,
                                    inputShape: FeatureShape? = nil, latent: Int, exampleSize: Int,
                                    random: inout RandomGenerator) -> GraphNetwork {
        let shape = inputShape ?? .vector(inputFeatures)
        let shapes = NetworkSizes.nodeShapes(of: graph, input: shape, latent: latent, exampleSize: exampleSize)
        let nodes = graph.nodes.map { node -> GraphNetwork.NodeDefinition in
            switch node.body {
            case .layers(let specs):
                let input = node.inputs[0]
                return .layers(node.name, input: input,
                               layers(specs, input: shapes[input]!, latent: latent, exampleSize: exampleSize,
                                      random: &random))
            case .merge(let merge):
                return .merge(node.name, merge, inputs: node.inputs)
            }
        }
        return GraphNetwork(name: name, inputFeatures: inputFeatures, inputShape: shape, nodes: nodes,
                            outputs: graph.output.nodeNames)
    }

    /// The layers of a list, chained from an input of shape `input`.
    private static func layers(_ layers: [LayerSpec], input: FeatureShape, latent: Int, exampleSize: Int,
                               random: inout RandomGenerator) -> [Layer] {
        var shape = input
        var built: [Layer] = []
        for spec in layers {
            let layer = spec.definition.build(spec.resolvedArguments(latent: latent, exampleSize: exampleSize), shape,
                                              &random)
            built.append(layer)
            shape = layer.outputShape
        }
        return built
    }

    /// The encoder of `plan`: its network, with the Gaussian posterior's heads
    /// added unless the network (a graph) outputs them itself.
    static func encoder(_ plan: NetworkPlan, random: inout RandomGenerator) -> CodeEncoder {
        let planned = plan.encoder, latent = plan.latentDimension, inputFeatures = plan.exampleFeatures
        if case .graph(let graph) = planned.spec, planned.spec.outputsGaussianHeads {
            let network = graphNetwork(planned.name, graph, inputFeatures: planned.inputFeatures,
                                       inputShape: planned.inputShape, latent: latent, exampleSize: inputFeatures,
                                       random: &random)
            return CodeEncoder(gaussianHeads: network, inputFeatures: inputFeatures, latentDimension: latent)
        }
        let trunk = network(planned, plan, random: &random)
        return CodeEncoder(trunk: trunk, posterior: plan.posterior, inputFeatures: inputFeatures, latentDimension: latent,
                           random: &random)
    }

    /// The network of `planned`, one of `plan`'s.
    private static func network(_ planned: PlannedNetwork, _ plan: NetworkPlan, random: inout RandomGenerator) -> Network {
        network(planned.name, planned.spec, inputFeatures: planned.inputFeatures, inputShape: planned.inputShape,
                latent: plan.latentDimension, exampleSize: plan.exampleFeatures, random: &random)
    }

    /// The prior of `experiment` for its code size.
    public static func prior(_ experiment: Experiment) -> Prior {
        guard let definition = PriorRegistry.definition(experiment.prior.kind) else {
            preconditionFailure("prior \(experiment.prior.kind) passed validation but is not registered")
        }
        return definition.build(experiment.prior.parameters, experiment.model.latentDimension)
    }

    /// The maker of every phase's optimizer for `experiment`: the phase's setting (kind, hyperparameters
    /// and learning-rate schedule) bound to the optimizer once, when the model is built.
    public static func optimizerMaker(_ experiment: Experiment) -> PhaseOptimizerMaker {
        let spec = experiment.optimizer
        return { phase, parameters in
            let setting = spec.setting(for: phase)
            guard let definition = OptimizerRegistry.definition(setting.kind) else {
                preconditionFailure("optimizer \(setting.kind) passed validation but is not registered")
            }
            let optimizer = definition.build(setting.parameters, parameters)
            return PhaseOptimizer(phase: phase, optimizer: optimizer,
                                  initialLearningRate: setting.parameters["lr"] ?? Double(optimizer.learningRate),
                                  schedule: ScheduleRegistry.schedule(setting.schedule))
        }
    }

    /// The model of `experiment` for examples of `inputFeatures` values: the
    /// networks of its plan, weights drawn in plan order, put together by its kind.
    public static func model(_ experiment: Experiment, inputFeatures: Int, seed: UInt64) -> TrainableModel {
        var random = RandomGenerator(seed: seed, stream: RandomStreams.weights)
        let plan = NetworkPlan(experiment.model, inputFeatures: inputFeatures, imageShape: experiment.data.imageShape)
        let encoder = encoder(plan, random: &random)
        let decoder = network(plan.decoder, plan, random: &random)
        let networks = EncoderDecoder(encoder: encoder, decoder: decoder, decoderLabelCount: plan.decoderLabelCount)
        var extraNetworks: [String: Network] = [:]
        for planned in plan.extraNetworks { extraNetworks[planned.name] = network(planned, plan, random: &random) }
        return experiment.model.definition.model(ModelParts(
            experiment: experiment, networks: networks, extraNetworks: extraNetworks,
            random: RandomGenerator(seed: seed, stream: RandomStreams.model)))
    }
}
