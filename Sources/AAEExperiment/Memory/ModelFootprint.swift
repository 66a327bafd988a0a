import AAECore

/// The footprints of a model's networks, in plan order, with the sizes a kind's
/// memory formulas read (`ModelKindDefinition.trainingValuesPerExample`).
struct ModelFootprint {
    /// Encoder (with its Gaussian heads), decoder, then the kind's networks.
    let networks: [NetworkFootprint]
    /// Each network's name, in the order of `networks`.
    let names: [String]
    let exampleFeatures: Int
    let latentDimension: Int

    /// The footprint of every network of `plan`.
    init(_ plan: NetworkPlan) {
        let latent = plan.latentDimension, input = plan.exampleFeatures
        networks = plan.networks.map { planned in
            var footprint = NetworkFootprint(planned.spec, input: planned.inputShape, latent: latent,
                                             exampleSize: input)
            if planned.addsGaussianHeads {
                let features = NetworkSizes.outputShape(of: planned.spec, input: planned.inputShape, latent: latent,
                                                        exampleSize: input).features
                footprint.add(Dense.footprint(inputFeatures: features, units: latent, useBias: true))
                footprint.add(Dense.footprint(inputFeatures: features, units: latent, useBias: true))
            }
            return footprint
        }
        names = plan.networks.map(\.name)
        exampleFeatures = input
        latentDimension = latent
    }

    var encoder: NetworkFootprint { networks[0] }
    var decoder: NetworkFootprint { networks[1] }

    /// The kind's network named `name`.
    func network(_ name: String) -> NetworkFootprint {
        guard let index = names.firstIndex(of: name) else { preconditionFailure("network \(name) is not in the plan") }
        return networks[index]
    }

    /// The saturating sum of `counts`.
    static func values(_ counts: Int...) -> Int { counts.reduce(0, LayerFootprint.sum) }
    /// The saturating product.
    static func times(_ a: Int, _ b: Int) -> Int { LayerFootprint.product(a, b) }
}
