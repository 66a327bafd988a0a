import Foundation
import SwiftProtobuf

extension SwiftProtobuf.Message {
    /// The binary encoding with map entries in key order, so that the same message gives
    /// the same bytes in every process (dictionary order depends on per-process hashing).
    func deterministicBytes() throws -> Data {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return try serializedBytes(options: options)
    }
}
