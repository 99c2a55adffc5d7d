import type { ProjectionDto } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import type { ProjectionStatus } from "../projections/async-projections.ts";

export async function listProjections(ctx: AppContext): Promise<ProjectionDto[]> {
  return (await ctx.deps.projections.list()).map(toDto);
}

export async function rebuildProjection(ctx: AppContext, name: string): Promise<ProjectionDto> {
  const requestedBy = ctx.principal.kind === "user" ? ctx.principal.userId : null;
  ctx.logger.info({ projection: name }, "projection rebuild asked for");
  return toDto(await ctx.deps.projections.rebuild(name, requestedBy));
}

export async function retryProjection(ctx: AppContext, name: string): Promise<ProjectionDto> {
  return toDto(await ctx.deps.projections.retry(name));
}

function toDto(status: ProjectionStatus): ProjectionDto {
  const failure = (value: { message: string; at: Date } | null) =>
    value && { message: value.message, at: value.at.toISOString() };
  return {
    name: status.name,
    tables: [...status.tables],
    state: status.state,
    lag: status.lag,
    position: status.position,
    failure: failure(status.failure),
    rebuild: status.rebuild && {
      requestedAt: status.rebuild.requestedAt.toISOString(),
      lag: status.rebuild.lag,
      position: status.rebuild.position,
      failure: failure(status.rebuild.failure),
    },
  };
}
