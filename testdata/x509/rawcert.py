#!/usr/bin/env python3
"""Builds one X.509 certificate byte by byte, for the fixtures OpenSSL's
commands cannot make (odd string types, negative serials, v1/v2, unusual
times, hand-made extension values). The signature is made by `openssl dgst`
(or `openssl pkeyutl` for EdDSA). Used by make.sh; standard library only.

Names are JSON: a list of RDNs, each a list of [oid, type, value] with type
utf8 | printable | ia5 | t61 (Latin-1 bytes) | bmp | univ | hex (value is a
whole TLV in hex). Extensions are JSON: a list of [oid, critical, hex value]."""
import argparse, base64, json, subprocess, sys, tempfile, os


def length(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + length(len(content)) + content


def tlv_ber(tag, content):
    """A BER encoding with a non-minimal three-byte length."""
    return bytes([tag, 0x83]) + len(content).to_bytes(3, "big") + content


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray()
    def put(v):
        chunk = [v & 0x7F]
        v >>= 7
        while v:
            chunk.append(0x80 | (v & 0x7F))
            v >>= 7
        out.extend(reversed(chunk))
    put(arcs[0] * 40 + arcs[1])
    for a in arcs[2:]:
        put(a)
    return tlv(0x06, bytes(out))


STRING_TAGS = {"utf8": (0x0C, "utf-8"), "printable": (0x13, "ascii"), "ia5": (0x16, "ascii"),
               "t61": (0x14, "latin-1"), "bmp": (0x1E, "utf-16-be"), "univ": (0x1C, "utf-32-be")}


def name(spec):
    rdns = b""
    for rdn in json.loads(spec):
        avas = b""
        for o, typ, value in rdn:
            if typ == "hex":
                v = bytes.fromhex(value)
            else:
                tag, enc = STRING_TAGS[typ]
                v = tlv(tag, value.encode(enc, "surrogatepass"))
            avas += tlv(0x30, oid(o) + v)
        rdns += tlv(0x31, avas)
    return tlv(0x30, rdns)


SIGALGS = {  # name: (AlgorithmIdentifier contents, dgst digest or None for EdDSA)
    "sha256WithRSA": (oid("1.2.840.113549.1.1.11") + b"\x05\x00", "sha256"),
    "sha1WithRSA": (oid("1.2.840.113549.1.1.5") + b"\x05\x00", "sha1"),
    "ecdsaWithSHA256": (oid("1.2.840.10045.4.3.2"), "sha256"),
    "Ed25519": (oid("1.3.101.112"), None),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--key", required=True)
    p.add_argument("--sigalg", default="sha256WithRSA")
    p.add_argument("--version", type=int, default=3, help="1, 2 or 3")
    p.add_argument("--serial", default="01", help="INTEGER contents in hex (two's complement)")
    p.add_argument("--issuer", required=True)
    p.add_argument("--subject", help="defaults to the issuer")
    p.add_argument("--not-before", required=True, help="utc:YYMMDDHHMMSSZ or gen:YYYYMMDDHHMMSSZ")
    p.add_argument("--not-after", required=True)
    p.add_argument("--issuer-uid", help="hex of the BIT STRING contents")
    p.add_argument("--subject-uid")
    p.add_argument("--ext", help="JSON list of [oid, critical, hex value]")
    p.add_argument("--ber", action="store_true", help="non-minimal lengths for the names and the certificate")
    p.add_argument("--out", required=True)
    a = p.parse_args()

    def time(t):
        kind, text = t.split(":", 1)
        return tlv(0x17 if kind == "utc" else 0x18, text.encode())

    spki = subprocess.run(["openssl", "pkey", "-in", a.key, "-pubout", "-outform", "DER"],
                          check=True, capture_output=True).stdout
    alg_contents, digest = SIGALGS[a.sigalg]
    algid = tlv(0x30, alg_contents)
    tbs = b""
    if a.version > 1:
        tbs += tlv(0xA0, tlv(0x02, bytes([a.version - 1])))
    def maybe_ber(name_der):
        return tlv_ber(0x30, name_der[2:]) if a.ber and name_der[1] < 0x80 else name_der
    tbs += tlv(0x02, bytes.fromhex(a.serial)) + algid + maybe_ber(name(a.issuer))
    tbs += tlv(0x30, time(a.not_before) + time(a.not_after))
    tbs += maybe_ber(name(a.subject or a.issuer)) + spki
    if a.issuer_uid:
        tbs += tlv(0x81, bytes.fromhex(a.issuer_uid))
    if a.subject_uid:
        tbs += tlv(0x82, bytes.fromhex(a.subject_uid))
    if a.ext:
        exts = b""
        for o, critical, value in json.loads(a.ext):
            exts += tlv(0x30, oid(o) + (b"\x01\x01\xff" if critical else b"") + tlv(0x04, bytes.fromhex(value)))
        tbs += tlv(0xA3, tlv(0x30, exts))
    tbs = tlv(0x30, tbs)
    with tempfile.TemporaryDirectory() as d:
        tbs_path = os.path.join(d, "tbs")
        with open(tbs_path, "wb") as f:
            f.write(tbs)
        if digest:
            cmd = ["openssl", "dgst", "-" + digest, "-sign", a.key, tbs_path]
        else:
            cmd = ["openssl", "pkeyutl", "-sign", "-rawin", "-inkey", a.key, "-in", tbs_path]
        sig = subprocess.run(cmd, check=True, capture_output=True).stdout
    cert = (tlv_ber if a.ber else tlv)(0x30, tbs + algid + tlv(0x03, b"\x00" + sig))
    if a.out.endswith(".pem"):
        b64 = base64.b64encode(cert).decode()
        text = "-----BEGIN CERTIFICATE-----\n"
        text += "".join(b64[i:i + 64] + "\n" for i in range(0, len(b64), 64))
        cert = (text + "-----END CERTIFICATE-----\n").encode()
    with open(a.out, "wb") as f:
        f.write(cert)


if __name__ == "__main__":
    sys.exit(main())
