import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Bench helper: signs an app-gateway tenant token (RS256, iss app-gateway, aud tenant-api, role admin) for each
 * tenant key read from standard input, one per output line, with the PKCS#8 key the bench gave the gateway.
 *   java MintTokens.java <key.pem> <subject> < keys > tokens
 */
public class MintTokens {
    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----(BEGIN|END) PRIVATE KEY-----|\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("SHA256withRSA");
        List<String> keys = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        StringBuilder out = new StringBuilder();
        for (String tenant : keys) {
            String claims = "{\"iss\":\"app-gateway\",\"aud\":\"tenant-api\",\"sub\":\"" + args[1] + "\",\"tenant\":\"" + tenant
                    + "\",\"role\":\"admin\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
            String signed = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            out.append(signed).append('.').append(b64.encodeToString(signer.sign())).append('\n');
        }
        System.out.print(out);
    }
}
