package dev.agentry.it.probe;

import dev.agentry.core.policy.SigningKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Test-only: a genuine token's claims signed again by the server's current key under another {@code typ},
 * a JWT no outsider can make, to show the API takes only what declares itself an access token.
 */
@Path("/_probe/tokens")
@RequestScoped
public class TokenProbeResource {

    @Inject
    SigningKeys keys;

    @POST
    @Path("retyped")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String retyped(@QueryParam("typ") String typ, String token) throws JoseException {
        SigningKeys.Signer signer = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        jws.setKey(signer.privateKey());
        jws.setKeyIdHeaderValue(signer.kid());
        jws.setHeader("typ", typ);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
