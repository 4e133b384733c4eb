import Foundation

/// Reads a mail message back with Python's standard `email` package (a parser written by
/// others): its headers, parts, charsets, transfer encodings, decoded texts and defects.
public enum PythonEmail {
    /// What Python's `email` package finds in `bytes`.
    public static func parse(_ bytes: [UInt8]) throws -> [String: Any] {
        let folder = try TemporaryFolder.make("mail")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("m.eml")
        try Data(bytes).write(to: file)
        let script = """
        import email, email.policy, json, sys
        data = open(sys.argv[1], 'rb').read()
        m = email.message_from_bytes(data, policy=email.policy.default)
        parts = [p for p in m.walk() if not p.is_multipart()]
        print(json.dumps({
          'subject': str(m['subject']), 'from': str(m['from']), 'to': str(m['to']), 'date': str(m['date']),
          'headers': {k: str(v) for k, v in m.items()},
          'type': m.get_content_type(), 'language': str(m['content-language']),
          'parts': [{'type': p.get_content_type(), 'charset': p.get_content_charset(), 'cte': p['content-transfer-encoding'],
                     'format': p.get_param('format'), 'text': p.get_content()} for p in parts],
          'defects': [str(d) for d in m.defects] + [str(d) for p in parts for d in p.defects],
        }))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "python3 with its email package is needed to read the message back")
        }
        return parsed
    }

    /// Python could not read the message.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }
}
