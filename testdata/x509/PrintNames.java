// Prints, for each certificate file given, the file name and the subject's
// X500Principal.getName() (RFC 2253) and toString(), tab-separated, with
// tabs, newlines and backslashes in the names escaped as \t, \n and \\.
// Run by make.sh with JDK 17: java PrintNames.java *.pem > names.tsv
import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

public class PrintNames {
  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  public static void main(String[] args) throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (String f : args) {
      try (FileInputStream in = new FileInputStream(f)) {
        X509Certificate c = (X509Certificate) cf.generateCertificate(in);
        System.out.println(Path.of(f).getFileName() + "\t" + esc(c.getSubjectX500Principal().getName()) + "\t"
            + esc(c.getSubjectX500Principal().toString()));
      }
    }
  }
}
