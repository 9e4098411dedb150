// Wiring only: the Resource class CloudFormation's Lambda entrypoints dispatch to.
import {
    Action,
    BaseResource,
    exceptions,
    handlerEvent,
    ProgressEvent,
    ResourceHandlerRequest,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ResourceModel, TypeConfigurationModel } from './models';

class Resource extends BaseResource<ResourceModel> {
    @handlerEvent(Action.Create)
    async create(): Promise<ProgressEvent<ResourceModel>> {
        throw new exceptions.InternalFailure('CREATE is not implemented yet');
    }

    @handlerEvent(Action.Read)
    async read(): Promise<ProgressEvent<ResourceModel>> {
        throw new exceptions.InternalFailure('READ is not implemented yet');
    }

    @handlerEvent(Action.Update)
    async update(): Promise<ProgressEvent<ResourceModel>> {
        throw new exceptions.InternalFailure('UPDATE is not implemented yet');
    }

    @handlerEvent(Action.Delete)
    async delete(): Promise<ProgressEvent<ResourceModel>> {
        throw new exceptions.InternalFailure('DELETE is not implemented yet');
    }

    @handlerEvent(Action.List)
    async list(): Promise<ProgressEvent<ResourceModel>> {
        throw new exceptions.InternalFailure('LIST is not implemented yet');
    }
}

export const resource = new Resource(ResourceModel.TYPE_NAME, ResourceModel, undefined, undefined, TypeConfigurationModel);
export const entrypoint = resource.entrypoint;
export const testEntrypoint = resource.testEntrypoint;
export type { ResourceHandlerRequest };
