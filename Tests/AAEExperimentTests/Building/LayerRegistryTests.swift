import AAECore
import AAEExperiment
import XCTest

/// Every registered layer kind's definition answers, before building, what the
/// layer it builds reports: so the size checks, `validate`'s parameter estimate
/// and the memory estimate, which ask the definition, agree with the built model.
final class LayerRegistryTests: XCTestCase {
    /// Arguments for `definition`: the defaults, a required size of 3, a required
    /// number inside its range, a 2×2 window, a map shape of the input's size; with
    /// `flag` for every flag.
    private func arguments(_ definition: LayerDefinition, flag: Bool, input: FeatureShape) -> [String: LayerArgument] {
        var values: [String: LayerArgument] = [:]
        for argument in definition.arguments {
            switch argument.kind {
            case .size: values[argument.name] = argument.defaultValue ?? .size(.literal(3))
            case .number(let range, _):
                values[argument.name] = argument.defaultValue
                    ?? .number(range.upperBound == .infinity ? range.lowerBound + 1 : (range.lowerBound + range.upperBound) / 2)
            case .flag: values[argument.name] = .flag(flag)
            case .window: values[argument.name] = argument.defaultValue ?? .window(height: 2, width: 2)
            case .choice(let words): values[argument.name] = flag ? .choice(words[0]) : .choice(words.last!)
            case .shape: values[argument.name] = .shape(height: 1, width: input.features, channels: 1)
            }
        }
        return values
    }

    func testEveryDefinitionsFootprintAgreesWithTheLayerItBuildsOnVectorsAndMaps() {
        let inputs: [FeatureShape] = [.vector(5), .map(height: 6, width: 5, channels: 3)]
        for definition in LayerRegistry.definitions {
            var accepted = 0
            for input in inputs {
                for flag in [true, false] {
                    let resolved = ResolvedLayerArguments(values: arguments(definition, flag: flag, input: input),
                                                          latent: 2, input: 7, labels: 10)
                    let footprint = definition.footprint(resolved, input)
                    let what = "\(definition.name) on \(input) (flags \(flag))"
                    guard footprint.problem == nil else {
                        XCTAssertNotEqual(definition.reads, .either, "\(what): \(footprint.problem!)")
                        continue
                    }
                    accepted += 1
                    var random = RandomGenerator(seed: 11)
                    let layer = definition.build(resolved, input, &random)
                    XCTAssertEqual(footprint.outputShape, layer.outputShape, what)
                    XCTAssertEqual(footprint.outputFeatures, layer.outputFeatures, what)
                    XCTAssertEqual(footprint.parameters, layer.parameterCount, what)
                    XCTAssertEqual(footprint.state, layer.stateCount, what)
                }
            }
            XCTAssertGreaterThan(accepted, 0, "\(definition.name) accepts neither a vector nor a map")
        }
    }

    func testMapLayersRejectVectorsAndDenseRejectsMaps() {
        let map = FeatureShape.map(height: 7, width: 7, channels: 64)
        let dense = LayerRegistry.definition("dense")!
        let denseArguments = ResolvedLayerArguments(values: ["units": .size(.literal(8)), "bias": .flag(true)],
                                                    latent: 2, input: 7, labels: 10)
        XCTAssertEqual(dense.footprint(denseArguments, map).problem,
                       "reads a vector but gets a 7×7×64 map; add `flatten` before it")
        let conv = LayerRegistry.definition("conv2d")!
        let convArguments = ResolvedLayerArguments(values: [
            "filters": .size(.literal(4)), "kernel": .window(height: 5, width: 5), "stride": .window(height: 1, width: 1),
            "padding": .choice("valid"),
        ], latent: 2, input: 7, labels: 10)
        XCTAssertEqual(conv.footprint(convArguments, .vector(8)).problem,
                       "reads a feature map but gets 8 features; add `reshape [h, w, c]` before it")
        XCTAssertEqual(conv.footprint(convArguments, .map(height: 3, width: 6, channels: 2)).problem,
                       "needs a map of at least 5×5 with `valid` padding but gets a 3×6×2 map; "
                       + "use `same` padding or a smaller window")
    }

    func testADefinitionsSymbolicSizesResolveToTheCodeTheExampleAndTheLabels() {
        let dense = LayerRegistry.definition("dense")!
        for (size, expected) in [(SizeExpression.latent, 2), (.input, 7), (.labels, 10), (.literal(4), 4)] {
            let resolved = ResolvedLayerArguments(values: ["units": .size(size), "bias": .flag(true)], latent: 2,
                                                  input: 7, labels: 10)
            XCTAssertEqual(dense.footprint(resolved, .vector(5)).outputFeatures, expected, "\(size)")
            XCTAssertEqual(dense.footprint(resolved, .vector(5)).parameters, 5 * expected + expected, "\(size)")
        }
    }
}
