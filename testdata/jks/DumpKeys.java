// Prints what the JDK KeyStore API sees in a keystore, one tab-separated line
// per entry: file, alias, entry type, creation time (ms), key algorithm,
// SHA-256 of Key.getEncoded() (PKCS#8 for private keys, raw bytes for secret
// keys), then the SHA-256 of each certificate, leaf first, comma-separated.
// Usage: java DumpKeys.java TYPE FILE STOREPASS KEYPASS...
// Each key password is tried in turn for every key entry.
import java.io.FileInputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

public class DumpKeys {
  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance(args[0]);
    try (FileInputStream in = new FileInputStream(args[1])) {
      ks.load(in, args[2].toCharArray());
    }
    List<String> aliases = Collections.list(ks.aliases());
    Collections.sort(aliases);
    for (String alias : aliases) {
      String type = ks.isCertificateEntry(alias) ? "trustedCertEntry"
          : ks.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class) ? "SecretKeyEntry" : "PrivateKeyEntry";
      String alg = "-", keyHash = "-";
      if (ks.isKeyEntry(alias)) {
        for (int i = 3; i < args.length; i++) {
          try {
            Key k = ks.getKey(alias, args[i].toCharArray());
            alg = k.getAlgorithm();
            keyHash = sha256(k.getEncoded());
            break;
          } catch (java.security.UnrecoverableKeyException e) {
            // try the next password
          }
        }
      }
      List<String> chain = new ArrayList<>();
      Certificate[] certs = ks.isCertificateEntry(alias)
          ? new Certificate[] {ks.getCertificate(alias)} : ks.getCertificateChain(alias);
      if (certs != null) for (Certificate c : certs) chain.add(sha256(c.getEncoded()));
      System.out.println(args[1] + "\t" + alias + "\t" + type + "\t" + ks.getCreationDate(alias).getTime()
          + "\t" + alg + "\t" + keyHash + "\t" + String.join(",", chain));
    }
  }
}
