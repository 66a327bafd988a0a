import AAECore
import AAEExperiment
import XCTest

/// Every registered layer kind's definition answers, before building, what the
/// layer it builds reports: so the size checks, `validate`'s parameter estimate
/// and the memory estimate, which ask the definition, agree with the built model.
final class LayerRegistryTests: XCTestCase {
    /// Arguments for `definition`: the defaults, a required size of 3 and a
    /// required number inside its range; with `flag` for every flag.
    private func arguments(_ definition: LayerDefinition, flag: Bool) -> [String: LayerArgument] {
        var values: [String: LayerArgument] = [:]
        for argument in definition.arguments {
            switch argument.kind {
            case .size: values[argument.name] = argument.defaultValue ?? .size(.literal(3))
            case .number(let range, _):
                values[argument.name] = argument.defaultValue
                    ?? .number(range.upperBound == .infinity ? range.lowerBound + 1 : (range.lowerBound + range.upperBound) / 2)
            case .flag: values[argument.name] = .flag(flag)
            }
        }
        return values
    }

    func testEveryDefinitionsFootprintAgreesWithTheLayerItBuilds() {
        for definition in LayerRegistry.definitions {
            for flag in [true, false] {
                let resolved = ResolvedLayerArguments(values: arguments(definition, flag: flag), latent: 2, input: 7,
                                                      labels: 10)
                var random = RandomGenerator(seed: 11)
                let layer = definition.build(resolved, 5, &random)
                let footprint = definition.footprint(resolved, 5)
                let what = "\(definition.name) (flags \(flag))"
                XCTAssertEqual(footprint.outputFeatures, layer.outputFeatures, what)
                XCTAssertEqual(footprint.parameters, layer.parameterCount, what)
                XCTAssertEqual(footprint.state, layer.stateCount, what)
            }
        }
    }

    func testADefinitionsSymbolicSizesResolveToTheCodeTheExampleAndTheLabels() {
        let dense = LayerRegistry.definition("dense")!
        for (size, expected) in [(SizeExpression.latent, 2), (.input, 7), (.labels, 10), (.literal(4), 4)] {
            let resolved = ResolvedLayerArguments(values: ["units": .size(size), "bias": .flag(true)], latent: 2,
                                                  input: 7, labels: 10)
            XCTAssertEqual(dense.footprint(resolved, 5).outputFeatures, expected, "\(size)")
            XCTAssertEqual(dense.footprint(resolved, 5).parameters, 5 * expected + expected, "\(size)")
        }
    }
}
