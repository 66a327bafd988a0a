import AAECore
import Foundation

/// Writes an MNIST-shaped data folder (the 10,000-image t10k pair, uncompressed
/// IDX) whose digits are white bars at a label-dependent, slightly jittered place:
/// small, quick to learn, and made by the test itself.
enum SyntheticMNIST {
    static func makeDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("aae-synthetic-mnist-\(UUID().uuidString)")
            .appendingPathComponent("mnist")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let count = 10_000, side = 28
        var random = RandomGenerator(seed: 99)
        var pixels = [UInt8](repeating: 0, count: count * side * side)
        var labels = [UInt8](repeating: 0, count: count)
        for image in 0..<count {
            let label = random.nextInt(below: 10)
            labels[image] = UInt8(label)
            let top = 2 + (label / 5) * 12 + random.nextInt(below: 3)
            let left = 2 + (label % 5) * 5 + random.nextInt(below: 2)
            for row in top..<(top + 10) {
                for column in left..<min(left + 5, side) {
                    pixels[image * side * side + row * side + column] = 255
                }
            }
        }
        try Data(header(magic: 0x0803, dimensions: [count, side, side]) + pixels)
            .write(to: directory.appendingPathComponent("t10k-images-idx3-ubyte"))
        try Data(header(magic: 0x0801, dimensions: [count]) + labels)
            .write(to: directory.appendingPathComponent("t10k-labels-idx1-ubyte"))
        return directory.deletingLastPathComponent()
    }

    private static func header(magic: UInt32, dimensions: [Int]) -> [UInt8] {
        ([magic] + dimensions.map(UInt32.init)).flatMap { value in
            [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        }
    }
}

/// Paths of the repository, for tests that read shipped files.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The real MNIST folder beside the repository (`../shared/data`) or in
    /// `data/`, when present.
    static var realDataDirectory: URL? {
        let candidates = [root.appendingPathComponent("data"),
                          root.deletingLastPathComponent().appendingPathComponent("shared/data")]
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("mnist/t10k-images-idx3-ubyte.gz").path)
        }
    }
}
