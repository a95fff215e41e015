package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.Dashboard;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import com.policyconsole.domain.bulk.LineFinding;
import com.policyconsole.domain.model.bulk.DroppedObject;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.LayerOutcome;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import io.quarkus.qute.TemplateData;

/** Makes the domain types that pages show readable by Qute's generated, reflection-free resolvers. */
@TemplateData(target = Violation.class)
@TemplateData(target = Violations.class)
@TemplateData(target = Preview.class)
@TemplateData(target = RenderedRequest.class)
@TemplateData(target = HistoryEntry.class)
@TemplateData(target = Dashboard.class)
@TemplateData(target = Operation.class)
@TemplateData(target = RequestStatus.class)
@TemplateData(target = PolicyCategory.class)
@TemplateData(target = BlockType.class)
@TemplateData(target = PolicyDefinition.class)
@TemplateData(target = ParameterSchema.class)
@TemplateData(target = HistoryPage.class)
@TemplateData(target = HistoryDetail.class)
@TemplateData(target = LineFinding.class)
@TemplateData(target = DroppedObject.class)
@TemplateData(target = JobProgress.class)
@TemplateData(target = SecMasterWorkspace.class)
@TemplateData(target = PolicyDelivery.class)
@TemplateData(target = LayerDelivery.class)
@TemplateData(target = LayerOutcome.class)
@TemplateData(target = DeliveryCheck.class)
@TemplateData(target = HistoryPolicy.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
