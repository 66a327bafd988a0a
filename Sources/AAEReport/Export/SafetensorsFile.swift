import Foundation

/// Named float32 tensors in the safetensors format (Hugging Face's), which
/// `safetensors.numpy.load_file` and `safetensors.torch.load_file` read:
///
///     header length   UInt64, little-endian: N
///     header          N bytes of JSON, space-padded to a multiple of 8:
///                     {"__metadata__": {string: string},
///                      "<name>": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...}
///     data            every tensor's values, little-endian float32, C order,
///                     at its offsets (relative to the end of the header)
///
/// Tensors are written in the byte order of their names, their data in the
/// same order without gaps, and the JSON has no whitespace, so the same
/// tensors and metadata always give the same bytes.
public struct SafetensorsFile: Equatable, Sendable {
    /// One tensor: its name, its shape and its values in C order.
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let shape: [Int]
        public let values: [Float]

        public init(name: String, shape: [Int], values: [Float]) {
            precondition(shape.reduce(1, *) == values.count, "\(name): \(values.count) values do not fill \(shape)")
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// The tensors, sorted by name.
    public let entries: [Entry]
    /// Free-form string pairs stored under `__metadata__`.
    public let metadata: [String: String]

    static let metadataKey = "__metadata__"
    /// The header is padded so that the data starts at a multiple of this.
    static let headerAlignment = 8

    /// The file of `entries` (in any order; names must be unique and not
    /// `__metadata__`) and `metadata`.
    public init(entries: [Entry], metadata: [String: String] = [:]) {
        let sorted = entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            precondition(previous.name != next.name, "two tensors are named \(next.name)")
        }
        precondition(!sorted.contains { $0.name == Self.metadataKey }, "a tensor cannot be named \(Self.metadataKey)")
        self.entries = sorted
        self.metadata = metadata
    }

    /// The entry named `name`.
    public subscript(name: String) -> Entry? { entries.first { $0.name == name } }

    /// The JSON header, unpadded.
    var headerJSON: String {
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { "\(JSONText.string($0)):\(JSONText.string(metadata[$0]!))" }
            fields.append("\(JSONText.string(Self.metadataKey)):{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for entry in entries {
            let end = offset + entry.values.count * 4
            let shape = entry.shape.map(String.init).joined(separator: ",")
            fields.append("\(JSONText.string(entry.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var header = Array(headerJSON.utf8)
        header += [UInt8](repeating: UInt8(ascii: " "),
                          count: (Self.headerAlignment - header.count % Self.headerAlignment) % Self.headerAlignment)
        var bytes = LittleEndianBytes.of(UInt64(header.count)) + header
        bytes.reserveCapacity(bytes.count + entries.reduce(0) { $0 + $1.values.count * 4 })
        for entry in entries { bytes += LittleEndianBytes.of(entry.values) }
        return bytes
    }

    /// Writes the file to `url` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(Data(encoded()), to: url)
    }

    /// Reads a safetensors file of float32 tensors, checking that every
    /// tensor's offsets fit its shape and that the data is covered without
    /// gaps, as the safetensors library does.
    public init(decoding bytes: [UInt8]) throws(ExportFormatError) {
        guard bytes.count >= 8 else { throw ExportFormatError("a safetensors file starts with an 8-byte header length") }
        let length = LittleEndianBytes.uint32s(bytes[0..<8])
        guard length[1] == 0, Int(length[0]) <= bytes.count - 8 else {
            throw ExportFormatError("the header length runs past the end of the file")
        }
        let dataStart = 8 + Int(length[0])
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])),
              let header = object as? [String: Any] else {
            throw ExportFormatError("the header is not a JSON object")
        }
        var metadata: [String: String] = [:]
        if let stored = header[Self.metadataKey] {
            guard let pairs = stored as? [String: String] else {
                throw ExportFormatError("\(Self.metadataKey) is not an object of strings")
            }
            metadata = pairs
        }
        var located: [(entry: Entry, begin: Int)] = []
        for (name, value) in header where name != Self.metadataKey {
            guard let fields = value as? [String: Any], fields["dtype"] as? String == "F32",
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2 else {
                throw ExportFormatError("tensor \(name) is not an F32 tensor with a shape and two data offsets")
            }
            let count = shape.reduce(1, *)
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] - offsets[0] == count * 4,
                  dataStart + offsets[1] <= bytes.count else {
                throw ExportFormatError("tensor \(name): its data offsets \(offsets) do not fit its shape \(shape)")
            }
            let words = LittleEndianBytes.uint32s(bytes[(dataStart + offsets[0])..<(dataStart + offsets[1])])
            located.append((Entry(name: name, shape: shape, values: words.map(Float.init(bitPattern:))), offsets[0]))
        }
        var end = 0
        for (entry, begin) in located.sorted(by: { $0.begin < $1.begin }) {
            guard begin == end else { throw ExportFormatError("the data has a gap or an overlap before \(entry.name)") }
            end += entry.values.count * 4
        }
        guard dataStart + end == bytes.count else {
            throw ExportFormatError("\(bytes.count - dataStart - end) bytes follow the last tensor's data")
        }
        self.init(entries: located.map(\.entry), metadata: metadata)
    }
}
