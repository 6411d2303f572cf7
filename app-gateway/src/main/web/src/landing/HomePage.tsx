import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Plan } from '../api/types';
import { ErrorMessage, Loading } from '../common/forms';
import { workspaceUrl } from '../common/links';
import { platformApi } from './platformApi';
import { planName, projects, storage } from './plans';

export function HomePage() {
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    platformApi.plans().then(setPlans).catch(setError);
  }, []);

  return (
    <main id="main">
      <section className="hero">
        <h1>Projects and tasks for your team, in a workspace of its own</h1>
        <p>
          Gateway gives your company its own workspace at <code>{workspaceUrl('your-company')}</code>: projects, a task board that
          your team moves from to do to done, and the people you invite or approve yourselves. Each workspace keeps its data
          apart from every other one.
        </p>
        <p className="actions">
          <Link className="button primary" to="/signup">
            Sign up your company
          </Link>
          <Link className="button" to="/login">
            Sign in to your workspace
          </Link>
        </p>
      </section>
      <section aria-labelledby="plans-title">
        <h2 id="plans-title">Plans</h2>
        {!plans && !error && <Loading what="plans" />}
        <ErrorMessage error={error} />
        <div className="plans">
          {plans?.map((plan) => (
            <article key={plan.key} className="card plan" aria-labelledby={`plan-${plan.key}`}>
              <h3 id={`plan-${plan.key}`}>{planName(plan.key)}</h3>
              <dl>
                <dt>Users</dt>
                <dd>up to {plan.max_users}</dd>
                <dt>Projects</dt>
                <dd>{projects(plan)}</dd>
                <dt>Storage</dt>
                <dd>{storage(plan)}</dd>
                <dt>API rate</dt>
                <dd>
                  {plan.rate_per_second} requests/s, bursts of {plan.burst}
                </dd>
                <dt>Features</dt>
                <dd>{plan.features.length ? plan.features.join(', ') : 'the essentials'}</dd>
                <dt>Start</dt>
                <dd>{plan.self_service ? 'at once' : 'after a review by our team'}</dd>
              </dl>
              <Link className="button" to={`/signup?plan=${encodeURIComponent(plan.key)}`} aria-label={`Choose ${planName(plan.key)}`}>
                Choose
              </Link>
            </article>
          ))}
        </div>
      </section>
    </main>
  );
}
