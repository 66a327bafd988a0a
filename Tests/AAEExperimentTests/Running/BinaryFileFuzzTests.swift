import AAECore
import AAEExperiment
import Foundation
import XCTest

/// Random truncations and byte flips of IDX files and of a run's checkpoint, from a
/// seeded generator: the readers always end — with an error naming the file, or, for
/// an IDX flip that leaves the header as it was, with exactly the flipped bytes read —
/// never a crash, a hang or a silent success on a broken file.
///
/// Pinned: every mutation of a checkpoint is an error (its checksum covers every byte);
/// an IDX file is valid after a flip only when the flip is in its payload (pixels or
/// a label still in 0...9), and then the reader returns the mutated values.
final class BinaryFileFuzzTests: XCTestCase {
    private static let iterations = 400

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aae-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// `bytes` cut at a random length, or with one to three random bytes changed.
    private func mutate(_ bytes: [UInt8], random: inout RandomGenerator) -> (bytes: [UInt8], flipped: [Int]) {
        if random.nextInt(below: 3) == 0 { return (Array(bytes.prefix(random.nextInt(below: bytes.count))), []) }
        var mutated = bytes
        var flipped: [Int] = []
        for _ in 0...random.nextInt(below: 3) {
            let index = random.nextInt(below: bytes.count)
            mutated[index] ^= UInt8(1 + random.nextInt(below: 255))
            flipped.append(index)
        }
        return (mutated, flipped)
    }

    private static func idx(magic: UInt32, dimensions: [Int]) -> [UInt8] {
        ([magic] + dimensions.map(UInt32.init)).flatMap { value in
            [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        }
    }

    func testMutatedIDXFilesAreAnErrorNamingTheFileOrReadExactlyAsWritten() throws {
        let directory = try scratch()
        let count = 12, rows = 5, cols = 4
        var random = RandomGenerator(seed: 18, stream: 1)
        let pixels = (0..<(count * rows * cols)).map { _ in UInt8(random.nextInt(below: 256)) }
        let labels = (0..<count).map { UInt8($0 % 10) }
        let originals = [("images", Self.idx(magic: 0x0803, dimensions: [count, rows, cols]) + pixels),
                         ("labels", Self.idx(magic: 0x0801, dimensions: [count]) + labels)]
        var failures = 0, successes = 0
        for iteration in 0..<Self.iterations {
            let target = random.nextInt(below: 2)
            let (bytes, flipped) = mutate(originals[target].1, random: &random)
            var files: [URL] = []
            for (index, (name, original)) in originals.enumerated() {
                let url = directory.appendingPathComponent("\(iteration)-\(name)")
                try Data(index == target ? bytes : original).write(to: url)
                files.append(url)
            }
            let headerLength = target == 0 ? 16 : 8
            do {
                let read = try MNIST.loadPair(images: files[0], labels: files[1], scale: .unit)
                successes += 1
                XCTAssertFalse(flipped.isEmpty, "iteration \(iteration): a truncated file was read")
                XCTAssertTrue(flipped.allSatisfy { $0 >= headerLength }, "iteration \(iteration): a header flip was read")
                XCTAssertEqual(read.count, count)
                if target == 0 {
                    let expected = bytes[16...].map { Float($0) / 255 }
                    XCTAssertEqual(read.pixels, expected, "iteration \(iteration)")
                } else {
                    XCTAssertEqual(read.labels, bytes[8...].map(Int32.init), "iteration \(iteration)")
                }
            } catch let error as DataError {
                failures += 1
                XCTAssertTrue("\(error)".contains(files[target].path) || "\(error)".contains(files[target].lastPathComponent),
                              "iteration \(iteration): \(error)")
                XCTAssertFalse("\(error)".contains("Error Domain"))
            } catch {
                XCTFail("iteration \(iteration): unexpected error \(error)")
            }
        }
        XCTAssertGreaterThan(failures, Self.iterations / 4)
        XCTAssertGreaterThan(successes, Self.iterations / 10)
    }

    func testEveryMutationOfACheckpointIsAnErrorNamingTheFile() throws {
        let directory = try scratch()
        let experiment = try ExperimentReader.parse(Data("""
            name: fuzzed
            data: {dataset: blobs, count: 200, test_count: 50}
            model:
              kind: aae
              latent_dim: 2
              encoder: [dense 8, relu, dense latent]
              decoder: [dense 8, relu, dense input]
              discriminator: [dense 4, relu, dense 1, sigmoid]
            training: {steps: 10, batch_size: 16, log_every: 2}
            eval: {parzen_samples: 0}

            """.utf8), file: "fuzzed.yaml")
        let run = directory.appendingPathComponent("run")
        _ = try ExperimentRunner(experiment: experiment, options: RunOptions(
            outputDirectory: run.path, quiet: true, threads: 1, stopAfterStep: 4)).run()
        let original = [UInt8](try Data(contentsOf: RunCheckpointFile.url(in: run)))
        XCTAssertEqual(try RunCheckpointFile.load(in: run)?.step, 4)
        var random = RandomGenerator(seed: 18, stream: 2)
        let mutant = directory.appendingPathComponent("mutant")
        try FileManager.default.createDirectory(at: mutant, withIntermediateDirectories: true)
        let file = RunCheckpointFile.url(in: mutant)
        for iteration in 0..<Self.iterations {
            let (bytes, _) = mutate(original, random: &random)
            try Data(bytes).write(to: file)
            do {
                let checkpoint = try RunCheckpointFile.load(in: mutant)
                XCTFail("iteration \(iteration): a mutated checkpoint was read (step \(checkpoint?.step ?? -1))")
            } catch {
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix(file.path), "iteration \(iteration): \(message)")
                XCTAssertFalse(message.contains("Error Domain"))
                XCTAssertFalse(message.contains("\n"))
            }
        }
    }
}
