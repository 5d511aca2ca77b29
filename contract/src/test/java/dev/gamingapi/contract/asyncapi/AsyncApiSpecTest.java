package dev.gamingapi.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our AsyncAPI document against the official AsyncAPI 3.0.0 JSON Schema. */
class AsyncApiSpecTest {

  @Test
  void theDocumentIsValidAsyncApi300() {
    ObjectNode document = AsyncApiFixture.document();
    assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(AsyncApiFixture.specErrors(document)).isEmpty();
  }

  @Test
  void aChannelWhoseAddressIsNotAStringIsRejected() {
    ObjectNode document = AsyncApiFixture.document();
    ((ObjectNode) document.path("channels").path("playerScored")).put("address", 42);

    assertThat(AsyncApiFixture.specErrors(document))
        .anySatisfy(error -> assertThat(error.toString()).contains("address"));
  }

  @Test
  void anOperationWithAnAsyncApi2ActionIsRejected() {
    ObjectNode document = AsyncApiFixture.document();
    ((ObjectNode) document.path("operations").path("receiveCommand")).put("action", "subscribe");

    assertThat(AsyncApiFixture.specErrors(document))
        .anySatisfy(error -> assertThat(error.toString()).contains("action"));
  }

  @Test
  void aMessageWithAnUnknownFieldIsRejected() {
    ObjectNode document = AsyncApiFixture.document();
    ((ObjectNode) document.path("components").path("messages").path("playerScored"))
        .put("subject", "not an AsyncAPI field");

    assertThat(AsyncApiFixture.specErrors(document)).isNotEmpty();
  }

  @Test
  void aReferenceToTheNetworkFailsInsteadOfBeingFetched() {
    String schema = "{\"$ref\": \"https://json-schema.org/draft-07/example.json\"}";
    assertThatThrownBy(
            () ->
                AsyncApiFixture.registry(Map.of("urn:test", schema))
                    .getSchema(SchemaLocation.of("urn:test"))
                    .validate(AsyncApiFixture.JSON.readTree("{}")))
        .hasMessageContaining("not allowed to be loaded");
  }
}
