import CICUBridge

/// The writing systems of a text, by ICU's script property: a term that mixes them is
/// almost always a look-alike letter typed or pasted by mistake (a Cyrillic "с" in
/// "Sozialwirtschaft"), which no search finds and `check` never matches.
public enum ScriptMix {
    /// The names of the scripts of the letters of `text` ("Latin", "Cyrillic"), in order of
    /// first use; digits, punctuation and combining marks belong to none.
    public static func scripts(of text: String) -> [String] {
        var codes: [Int32] = []
        for scalar in text.unicodeScalars {
            let code = pc_script_of(scalar.value)
            // Common (0), Inherited (1) and errors are no script of their own.
            if code > 1, !codes.contains(code) { codes.append(code) }
        }
        return codes.map { String(cString: pc_script_name($0)) }
    }
}
