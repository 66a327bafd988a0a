import AAEExperiment
import Foundation
import XCTest

/// Every ```yaml block of README.md and docs/*.md is an experiment file (or a
/// marked fragment or error) that `aae-run validate` reads as the page says,
/// so the documentation cannot drift from the format.
final class DocumentationSnippetTests: XCTestCase {
    func testEveryYAMLSnippetOfTheDocumentationIsWhatItSays() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        var snippets: [DocumentationSnippet] = []
        for (page, text) in try DocumentationPages.all(in: Repository.root) {
            snippets += DocumentationSnippet.extract(from: text, page: page)
        }
        XCTAssertGreaterThanOrEqual(snippets.count, 5, "the documentation's yaml snippets were not found")
        for snippet in snippets {
            let problems = try checker.problems(snippet)
            XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n"))
        }
    }

    func testFencesAndFirstLineMarksAreRecognised() {
        let page = """
            Text.

            ```yaml
            # fragment of experiments/aae_deterministic.yaml under model
            latent_dim: 4
            ```

            ```sh
            make run
            ```

            ````yaml
            # invalid: unknown key `lrr`
            optimizer: {lrr: 1}
            ````

            ```yaml
            # experiments/vae.yaml
            name: vae
            ```
            """
        let snippets = DocumentationSnippet.extract(from: page, page: "p.md")
        XCTAssertEqual(snippets.map(\.line), [3, 12, 17])
        XCTAssertEqual(snippets.map(\.kind), [.fragment(base: "experiments/aae_deterministic.yaml", under: ["model"]),
                                              .invalid(expected: "unknown key `lrr`"),
                                              .shipped(path: "experiments/vae.yaml")])
        XCTAssertEqual(snippets[0].text, "# fragment of experiments/aae_deterministic.yaml under model\nlatent_dim: 4\n")
    }

    func testAFragmentIsCheckedMergedUnderItsKeyPathOverItsBase() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        XCTAssertEqual(try problems(checker, """
            # fragment of experiments/aae_deterministic.yaml under model
            encoder: [dense 64, relu, dense latent]
            """), [])
        XCTAssertFalse(try problems(checker, """
            # fragment of experiments/aae_deterministic.yaml under model
            encoder: [dense 64, relu, dense 3]
            """).isEmpty, "an encoder that does not end in the code size must be reported")
        XCTAssertFalse(try problems(checker, """
            # fragment of experiments/no_such_base.yaml
            seed: 2
            """).isEmpty)
    }

    func testASnippetThatRotsIsReported() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        let rotten = """
            extends: aae_deterministic.yaml
            name: wide
            optimizer: {learning_rate: 0.0001}
            """
        let found = try problems(checker, rotten)
        XCTAssertFalse(found.isEmpty)
        XCTAssertTrue(found.joined().contains("optimizer.learning_rate"), found.joined(separator: "\n"))
    }

    func testAnUnmarkedFragmentIsReported() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        XCTAssertFalse(try problems(checker, "data: {dataset: mnist, scale: [0, 1]}").isEmpty)
    }

    func testASnippetMarkedInvalidMustFailWithItsError() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        let typo = "extends: aae_deterministic.yaml\nname: typo\noptimizer: {beta_1: 0.5}\n"
        XCTAssertEqual(try problems(checker, "# invalid: unknown key `beta_1`\n" + typo), [])
        XCTAssertFalse(try problems(checker, "# invalid: unknown key `beta_2`\n" + typo).isEmpty,
                       "the expected error must be the one found")
        XCTAssertFalse(try problems(checker, "# invalid: anything\nextends: aae_deterministic.yaml\n").isEmpty,
                       "a valid file marked invalid must be reported")
    }

    func testAShippedFileShownWholeMustMatchTheFile() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        let shipped = try String(contentsOf: Repository.root.appendingPathComponent("experiments/vae.yaml"),
                                 encoding: .utf8)
        XCTAssertEqual(try problems(checker, "# experiments/vae.yaml\n" + shipped), [])
        let edited = editing(shipped, "steps: 5000", "steps: 4000")
        XCTAssertFalse(try problems(checker, "# experiments/vae.yaml\n" + edited).isEmpty)
    }

    func testTheIDXFilesASnippetNamesAreWrittenForIt() throws {
        let checker = try DocumentationSnippetChecker(repository: Repository.root)
        XCTAssertEqual(try problems(checker, """
            # fragment of experiments/aae_deterministic.yaml
            data:
              dataset: idx
              train: {images: idx/train-images.gz, labels: idx/train-labels.gz}
              test: {images: idx/test-images, labels: idx/test-labels}
            """), [])
    }

    private func problems(_ checker: DocumentationSnippetChecker, _ yaml: String) throws -> [String] {
        let snippets = DocumentationSnippet.extract(from: "```yaml\n\(yaml)\n```\n", page: "test.md")
        XCTAssertEqual(snippets.count, 1)
        return try snippets.flatMap(checker.problems)
    }
}
