import AAEExperiment
import Foundation
import XCTest

/// Broken experiment files: each must be rejected with one diagnostic naming
/// the line and key path of the mistake and saying what is wrong.
final class BadInputTests: XCTestCase {
    private let valid = lineByLineExperiment

    private func rejected(_ original: String, _ replacement: String, overrides: [String] = [],
                          file: StaticString = #filePath, line: UInt = #line) -> [ConfigDiagnostic] {
        rejection(of: editing(valid, original, replacement, file: file, line: line), overrides: overrides,
                  file: file, line: line)
    }

    func testTheLineByLineExperimentIsValid() throws {
        XCTAssertEqual(try ExperimentReader.parse(Data(valid.utf8), file: "test.yaml").name, "tiny")
    }

    // MARK: YAML syntax

    func testUnclosedBracketIsReportedWhereTheListStarts() {
        let found = rejected("dense 16, relu, dense latent]", "dense 16, relu, dense latent")
        assertOneDiagnostic(found, line: 12, keyPath: "",
                            contains: ["invalid YAML", "expected ',' or ']'", "flow sequence that starts at line 11, column 12"])
    }

    func testTabIndentationInsideAMappingIsReportedAtItsLine() {
        let found = rejected("  latent_dim: 2", "\tlatent_dim: 2")
        assertOneDiagnostic(found, line: 8, keyPath: "", contains: ["invalid YAML", "tab", "indent with spaces"])
    }

    func testDuplicateKeyInANestedMappingIsReportedAtTheRepetition() {
        let found = rejected("  std: 1\n", "  std: 1\n  std: 2\n")
        assertOneDiagnostic(found, line: 17, keyPath: "", contains: ["duplicate key `std`", "first written at line 16"])
    }

    // MARK: Priors

    func testUnknownPriorParameterSuggestsTheNearestOne() {
        let found = rejected("  std: 1", "  sd: 1")
        assertOneDiagnostic(found, line: 16, keyPath: "prior.sd", contains: ["unknown key `sd`", "did you mean `std`?"])
    }

    func testParameterOfAnotherPriorKindIsRejected() {
        let found = rejected("  std: 1", "  df: 3")
        assertOneDiagnostic(found, line: 16, keyPath: "prior.df", contains: ["`normal` has no setting `df`", "mean, std"])
    }

    func testNegativeStandardDeviationIsOutOfRange() {
        let found = rejected("  std: 1", "  std: -2")
        assertOneDiagnostic(found, line: 16, keyPath: "prior.std", contains: ["expected a number in (0, ∞)", "found -2"])
    }

    func testMisspeltPriorKindSuggestsTheNearestKind() {
        let found = rejected("kind: normal", "kind: uniferm")
        assertOneDiagnostic(found, line: 15, keyPath: "prior.kind", contains: ["`uniferm`", "did you mean `uniform`?"])
    }

    func testLabelAwareSupervisionWithANormalPriorIsRejectedAtThePrior() {
        let found = rejected("supervision: none", "supervision: label_aware")
        assertOneDiagnostic(found, line: 15, keyPath: "prior",
                            contains: ["`label_aware` needs a prior with one part per label", "found `normal`"])
    }

    func testUniformPriorWithLowAboveHighIsRejected() {
        let found = rejected("  kind: normal\n  std: 1", "  kind: uniform\n  low: 2\n  high: 1")
        assertOneDiagnostic(found, line: 15, keyPath: "prior", contains: ["low < high", "low 2 and high 1"])
    }

    func testFractionalMixtureComponentsAreRejected() {
        let found = rejected("  kind: normal\n  std: 1", "  kind: mixture\n  components: 2.5")
        assertOneDiagnostic(found, line: 16, keyPath: "prior.components", contains: ["expected a whole number, found 2.5"])
    }

    func testSwissRollPriorNeedsATwoDimensionalCode() {
        let found = rejection(of: editing(editing(valid, "latent_dim: 2", "latent_dim: 3"),
                                          "  kind: normal\n  std: 1", "  kind: swiss_roll"))
        assertOneDiagnostic(found, line: 15, keyPath: "prior", contains: ["two-dimensional", "latent_dim is 3"])
    }

    // MARK: Optimizer

    func testOptimizerSettingOfAnotherKindIsRejected() {
        let found = rejected("  lr: 0.001", "  lr: 0.001\n  momentum: 0.9")
        assertOneDiagnostic(found, line: 20, keyPath: "optimizer.momentum",
                            contains: ["`adam` has no setting `momentum`", "lr, beta1, beta2, epsilon"])
    }

    func testPhaseOptimizerOfAnotherKindRejectsTheSharedKindsSettings() {
        let found = rejected("  lr: 0.001", "  lr: 0.001\n  discriminator: {kind: sgd, beta1: 0.5}")
        assertOneDiagnostic(found, line: 20, keyPath: "optimizer.discriminator.beta1",
                            contains: ["`sgd` has no setting `beta1`"])
    }

    func testMisspeltOptimizerKindSuggestsTheNearestKind() {
        let found = rejected("kind: adam", "kind: adamm")
        assertOneDiagnostic(found, line: 18, keyPath: "optimizer.kind", contains: ["did you mean `adam`?"])
    }

    // MARK: Model

    func testMisspeltScheduleSuggestsTheNearestOne() {
        let found = rejected("schedule: phased", "schedule: phasd")
        assertOneDiagnostic(found, line: 9, keyPath: "model.schedule", contains: ["found `phasd`", "did you mean `phased`?"])
    }

    func testMisspeltDiscriminatorUpdateSuggestsTheNearestOne() {
        let found = rejected("schedule: phased", "schedule: phased\n  discriminator_update: seperate")
        assertOneDiagnostic(found, line: 10, keyPath: "model.discriminator_update",
                            contains: ["found `seperate`", "did you mean `separate`?"])
    }

    func testMisspeltSupervisionSuggestsTheNearestOne() {
        let found = rejected("supervision: none", "supervision: label_awar")
        assertOneDiagnostic(found, line: 10, keyPath: "model.supervision",
                            contains: ["found `label_awar`", "did you mean `label_aware`?"])
    }

    func testDecoderThatDoesNotEndInTheInputSizeIsRejectedAtItsLastLayer() {
        let found = rejected("dense input, sigmoid", "dense 100, sigmoid")
        assertOneDiagnostic(found, line: 12, keyPath: "model.decoder",
                            contains: ["outputs 100 features but must output 784", "end it with `dense input`"])
    }

    func testDiscriminatorThatDoesNotEndInOneIsRejectedAtItsLastLayer() {
        let found = rejected("dense 1, sigmoid", "dense 2, sigmoid")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator",
                            contains: ["outputs 2 features but must output 1", "`dense 1`"])
    }

    func testZeroLatentDimensionIsRejected() {
        let found = rejected("latent_dim: 2", "latent_dim: 0")
        assertOneDiagnostic(found, line: 8, keyPath: "model.latent_dim",
                            contains: ["expected an integer in [1, 4096], found 0"])
    }

    func testKeyThatDoesNotApplyToTheModelKindIsRejected() {
        let found = rejected("  latent_dim: 2", "  latent_dim: 2\n  mc_samples: 4")
        assertOneDiagnostic(found, line: 9, keyPath: "model.mc_samples",
                            contains: ["`mc_samples` does not apply to a model of kind `aae`"])
    }

    func testLabelledFractionIsRejectedForAModelThatIgnoresLabels() {
        let found = rejected("  supervision: none", "  supervision: none\n  labelled_fraction: 0.5")
        assertOneDiagnostic(found, line: 11, keyPath: "model.labelled_fraction",
                            contains: ["`labelled_fraction` hides labels, which only a `label_aware` model takes",
                                       "supervision is `none`", "use supervision `label_aware` with kind `aae`"])
        XCTAssertEqual(found.first?.column, 22)
    }

    func testLabelledFractionIsRejectedForADecoderThatReadsLabels() {
        let found = rejected("  supervision: none", "  supervision: supervised\n  labelled_fraction: 0.5")
        assertOneDiagnostic(found, line: 11, keyPath: "model.labelled_fraction",
                            contains: ["hides labels", "supervision is `supervised`"])
    }

    func testLabelledFractionOfOneIsAcceptedForEveryModel() throws {
        let text = editing(valid, "  supervision: none", "  supervision: supervised\n  labelled_fraction: 1")
        XCTAssertEqual(try ExperimentReader.parse(Data(text.utf8), file: "test.yaml").model.labelledFraction, 1)
    }

    func testMissingRequiredKeyIsReportedAtItsMapping() {
        let found = rejected("  kind: aae\n", "")
        assertOneDiagnostic(found, line: 7, keyPath: "model.kind", contains: ["missing required key `kind`"])
    }

    // MARK: Layers

    func testDropoutRateAboveOneIsRejected() {
        let found = rejected("[dense 8, relu", "[dense 8, dropout 1.5")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[1]",
                            contains: ["`dropout` argument `rate` expects a number in [0, 1)", "found `1.5`"])
    }

    func testNonNumericUnitsAreRejected() {
        let found = rejected("[dense 8, relu", "[dense eight, relu")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[0]",
                            contains: ["`dense` argument `units` expects a positive size", "found `eight`"])
    }

    func testUnknownLayerInLongFormSuggestsTheNearestKind() {
        let found = rejected("[dense 8, relu", "[{densse: {units: 8}}, relu")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[0]",
                            contains: ["unknown layer `densse`", "did you mean `dense`?"])
    }

    func testUnknownArgumentInLongFormSuggestsTheNearestOne() {
        let found = rejected("[dense 8, relu", "[{dense: {units: 8, bais: false}}, relu")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[0].dense.bais",
                            contains: ["unknown key `bais`", "did you mean `bias`?"])
    }

    func testShortFormWithTooManyArgumentsIsRejected() {
        let found = rejected("[dense 8, relu", "[dense 8, relu 3")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[1]",
                            contains: ["`relu` takes no arguments", "found `relu 3`"])
    }

    func testLayerWrittenAsAListIsRejected() {
        let found = rejected("[dense 8, relu", "[[dense, 8], relu")
        assertOneDiagnostic(found, line: 13, keyPath: "model.discriminator[0]",
                            contains: ["expected a layer such as `dense 512`", "found a list"])
    }

    // MARK: Data, training, name

    func testZeroBatchSizeIsRejected() {
        let found = rejected("batch_size: 4", "batch_size: 0")
        assertOneDiagnostic(found, line: 22, keyPath: "training.batch_size",
                            contains: ["expected an integer in [1, 1000000], found 0"])
    }

    func testScaleOtherThanTheTwoPixelRangesIsRejected() {
        let found = rejected("scale: [0, 1]", "scale: [0, 2]")
        assertOneDiagnostic(found, line: 5, keyPath: "data.scale", contains: ["expected [0, 1] or [-1, 1]"])
    }

    func testNameOfOnlyDotsIsRejected() {
        let found = rejected("name: tiny", "name: ..")
        assertOneDiagnostic(found, line: 1, keyPath: "name", contains: ["expected a plain identifier", "found `..`"])
    }

    func testSectionThatIsNotAMappingIsRejected() {
        let found = rejected("training:\n  steps: 10\n  batch_size: 4", "training: 5")
        assertOneDiagnostic(found, line: 20, keyPath: "training",
                            contains: ["expected a mapping with keys steps, batch_size, log_every", "found `5`"])
    }

    func testSparsityOfTheKLKindRejectsLambda() {
        let found = rejected("optimizer:", "loss:\n  sparsity: {kind: kl, lambda: 0.1}\noptimizer:")
        assertOneDiagnostic(found, line: 18, keyPath: "loss.sparsity.lambda", contains: ["`lambda` belongs to the `l1` penalty"])
    }

    // MARK: --set

    func testSetThroughAScalarIsReportedAtTheScalar() {
        let found = rejection(of: valid, overrides: ["training.steps.max=3"])
        assertOneDiagnostic(found, line: 21, keyPath: "training.steps",
                            contains: ["`--set training.steps.max=3`", "`training.steps` is `10`, not a mapping"])
    }

    func testSetIndexOutOfRangeIsReportedAtTheList() {
        let found = rejection(of: valid, overrides: ["model.encoder.5=relu"])
        assertOneDiagnostic(found, line: 11, keyPath: "model.encoder",
                            contains: ["`5` is not an index of the list at `model.encoder` (0..<3)"])
    }

    func testSetValueThatIsNotYAMLIsRejected() {
        let found = rejection(of: valid, overrides: ["model.encoder=[dense 8"])
        assertOneDiagnostic(found, line: 0, keyPath: "model.encoder", contains: ["the value is not valid YAML"])
    }

    func testSetValueIsValidatedLikeTheFile() {
        let found = rejection(of: valid, overrides: ["prior.std=-1"])
        assertOneDiagnostic(found, line: 0, keyPath: "prior.std", contains: ["found -1"])
    }

    func testSetCannotChangeExtends() {
        let found = rejection(of: valid, overrides: ["extends=other.yaml"])
        assertOneDiagnostic(found, line: 0, keyPath: "extends", contains: ["`extends` cannot be set"])
    }

    // MARK: extends

    func testMisspeltExtendsSuggestsIt() {
        let found = rejected("seed: 3", "seed: 3\nextend: base.yaml")
        assertOneDiagnostic(found, line: 3, keyPath: "extend", contains: ["did you mean `extends`?"])
    }

    func testExtendsOfAMissingFileIsReportedAtTheExtendsLine() throws {
        let folder = try ExperimentFolder()
        let child = try folder.write("child.yaml", "# a child\nextends: missing.yaml\nname: child\n")
        let found = rejection(ofFile: child)
        assertOneDiagnostic(found, file: child, line: 2, keyPath: "extends",
                            contains: ["no such file `\(folder.path("missing.yaml"))`"])
    }

    func testExtendsCycleIsReportedWithTheChain() throws {
        let folder = try ExperimentFolder()
        let a = try folder.write("a.yaml", "name: a\nextends: b.yaml\n")
        let b = try folder.write("b.yaml", "# b\n\nextends: ./a.yaml\n")
        let found = rejection(ofFile: a)
        assertOneDiagnostic(found, file: b, line: 3, keyPath: "extends",
                            contains: ["cycle: \(a) → \(b) → \(a)"])
    }

    func testFileThatExtendsItselfIsACycle() throws {
        let folder = try ExperimentFolder()
        let a = try folder.write("a.yaml", "name: a\nextends: a.yaml\n")
        assertOneDiagnostic(rejection(ofFile: a), file: a, line: 2, keyPath: "extends", contains: ["cycle: \(a) → \(a)"])
    }

    func testExtendsThatIsNotAPathIsRejected() throws {
        let folder = try ExperimentFolder()
        let a = try folder.write("a.yaml", "name: a\nextends: [b.yaml]\n")
        assertOneDiagnostic(rejection(ofFile: a), file: a, line: 2, keyPath: "extends",
                            contains: ["expected the path of an experiment file", "found a list"])
    }

    func testErrorInTheExtendedFileNamesThatFileAndLine() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", editing(valid, "  std: 1", "  std: -2"))
        let child = try folder.write("child.yaml", "extends: base.yaml\nname: child\n")
        assertOneDiagnostic(rejection(ofFile: child), file: base, line: 16, keyPath: "prior.std", contains: ["found -2"])
    }

    func testYAMLErrorInTheExtendedFileNamesThatFileAndLine() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", editing(valid, "  latent_dim: 2", "\tlatent_dim: 2"))
        let child = try folder.write("child.yaml", "# child\n# of base\nextends: base.yaml\n")
        assertOneDiagnostic(rejection(ofFile: child), file: base, line: 8, keyPath: "", contains: ["invalid YAML", "tab"])
    }

    func testErrorsOfBothFilesAreReportedInReadingOrder() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", editing(valid, "  std: 1", "  std: -2"))
        let child = try folder.write("child.yaml", "extends: base.yaml\nname: child\ntraining: {steps: 0}\n")
        let found = rejection(ofFile: child)
        XCTAssertEqual(found.map(\.file), [child, base])
        XCTAssertEqual(found.map(\.line), [3, 16])
        XCTAssertEqual(found.map(\.keyPath), ["training.steps", "prior.std"])
    }
}
